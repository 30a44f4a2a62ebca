package org.narformer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.narformer.BadInputException;
import org.narformer.data.SplitDefinition;
import org.narformer.model.BatchPlanner;
import org.narformer.model.ModelFamily;
import org.narformer.model.V1Config;
import org.narformer.model.V1Family;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.tokenizer.V1CellTokenizer;

/**
 * The NAS-Bench accuracy protocol of NAR-Former V2 (REFERENCE.md §2.3, §4.5,
 * {@code experiments/accuracy_prediction/nasbench201/train.sh}): train on the first {@code trainCount} cells by
 * index, select the checkpoint by Kendall τ on the next {@code validationCount}, report τ over all cells.
 *
 * @param space           {@code --dataset nasbench201 | nasbench101}
 * @param trainCount      N, the first N cells by index; {@code --percent} as an absolute count (781 = 5 % of NB201)
 * @param validationCount the next cells, used for selection; {@code dataset.py} hard-codes 200
 * @param epochs          {@code --epochs} (1000 in the script)
 * @param batchSize       {@code --batch_size} (8 originals + 8 augmented twins per step)
 * @param learningRate    {@code --lr} (1e-4)
 * @param warmupRate      {@code --warmup_rate} (0.1)
 * @param lambdaSr        {@code --lambda_sr} (0.1)
 * @param lambdaCons      {@code --lambda_cons} (0.5); 0 switches the augmented twins off
 * @param layers          {@code --n_attned_gnn} (6)
 * @param hiddenDim       {@code --hidden_size} (512)
 * @param seed            master seed of initialisation, dropout, shuffling and SR pairs (the reference is unseeded)
 * @param allEvery        evaluate Kendall τ on all cells every this many epochs (and at epoch 0 and the last
 *                        epoch) for the τ-vs-epoch curve; 0 = only at the end; no reference equivalent
 * @param selectOn        {@code VALIDATION} (the reference rule: best τ on the validation cells) or {@code TEST}
 *                        (best τ on all cells against the test label: optimistic, for comparison only)
 * @param evalBatchSize   graphs per inference batch (the test scripts use 1024)
 * @param showProgress    progress bars with loss and ETA
 * @param modelFamily     {@code V2} (NAR-Former V2, the default) or {@code V1} (NAR-Former: d 192, {@code layers}
 *                        encoder blocks, plain MSE, AdamW wd 0.01, its own tokens and augmentation; REFERENCE.md §6);
 *                        null reads as V2 (configurations saved before V1 could be trained)
 * @param emaDecay        decay of the weight EMA evaluated and selected beside the raw network; null = the family's
 *                        reference (V1 0.99, V2 none); 0 = none
 */
public record NasBenchConfig(NasBenchSpace space, int trainCount, int validationCount, int epochs, int batchSize,
                             float learningRate, double warmupRate, float lambdaSr, float lambdaCons, int layers,
                             int hiddenDim, long seed, int allEvery, Selection selectOn, int evalBatchSize,
                             boolean showProgress, Family modelFamily, Float emaDecay) {
    /** The model family trained by the protocol. */
    public enum Family {
        /** NAR-Former V2 (NeurIPS 2023). */
        V2,
        /** NAR-Former (CVPR 2023). */
        V1
    }

    /** Which set picks the checkpoint. */
    public enum Selection {
        /** Best Kendall τ on the validation cells (training label): the reference rule and the default. */
        VALIDATION,
        /** Best Kendall τ on all cells against the test label: selection on the test set, never the default. */
        TEST
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public NasBenchConfig {
        if (space == null || selectOn == null) {
            throw new IllegalArgumentException("space and selectOn are required");
        }
        require(trainCount > 0, "trainCount must be positive: " + trainCount);
        require(validationCount > 0, "validationCount must be positive: " + validationCount);
        require(allEvery >= 0, "allEvery must be >= 0: " + allEvery);
        modelFamily = modelFamily == null ? Family.V2 : modelFamily;
        require(modelFamily != Family.V1 || selectOn == Selection.VALIDATION,
                "NAR-Former V1 selects on the validation cells only");
        // the rest is checked by the engine's configs
        model(layers, hiddenDim);
        training(epochs, batchSize, learningRate, warmupRate, lambdaSr, lambdaCons, seed, selectOn, evalBatchSize,
                showProgress, modelFamily, emaDecay);
    }

    /** The NAS-Bench-201 script: N = 781, 200 validation, 1000 epochs, 6 layers, d 512, τ on all every 10. */
    public static NasBenchConfig defaults() {
        return new NasBenchConfig(NasBenchSpace.NB201, 781, SplitDefinition.FirstN.REFERENCE_VALIDATION, 1000, 8,
                1e-4f, 0.1, 0.1f, 0.5f, 6, 512, 1234, 10, Selection.VALIDATION, 1024, true, Family.V2, null);
    }

    /** The V2 network configuration ({@code layers}, {@code hiddenDim}). */
    public V2Config model() {
        return model(layers, hiddenDim);
    }

    /**
     * The model family with its configuration: V2 at {@code layers} × {@code hiddenDim}, or V1 (the reference
     * architecture with {@code layers} encoder blocks; {@code hiddenDim} does not apply, d = 192).
     */
    public ModelFamily<?> family() {
        if (modelFamily == Family.V2) {
            return new V2Family(model());
        }
        V1Config reference = V1Config.defaults();
        return new V1Family(new V1Config(reference.dModel(), reference.heads(), reference.ffnDim(),
                reference.dropout(), layers, reference.fusionStages(), reference.depthToken()),
                V1CellTokenizer.of(space.cells()));
    }

    /** The engine's training configuration. */
    public TrainConfig training() {
        return training(epochs, batchSize, learningRate, warmupRate, lambdaSr, lambdaCons, seed, selectOn,
                evalBatchSize, showProgress, modelFamily, emaDecay);
    }

    /** The split: first N, next {@code validationCount}, test on all. */
    public SplitDefinition.FirstN split() {
        return new SplitDefinition.FirstN(trainCount, validationCount, true);
    }

    /**
     * The defaults, overlaid with the fields of the JSON {@code file} (may be null), overlaid with
     * {@code overrides} (field name → value; null values are ignored). Unknown fields and invalid values are
     * {@link BadInputException}s naming the file and field.
     */
    public static NasBenchConfig of(Path file, Map<String, Object> overrides) {
        ObjectNode tree = JSON.valueToTree(defaults());
        String source = file == null ? "options" : file.toString();
        try {
            if (file != null) {
                if (!(JSON.readTree(file.toFile()) instanceof ObjectNode given)) {
                    throw new BadInputException(source, null, "a configuration must be a JSON object");
                }
                tree.setAll(given);
            }
            overrides.forEach((k, v) -> {
                if (v != null) {
                    tree.set(k, JSON.valueToTree(v));
                }
            });
            return JSON.treeToValue(tree, NasBenchConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException(source, "field '" + e.getPropertyName() + "'", "unknown configuration field "
                    + "(known: " + String.join(", ", JSON.valueToTree(defaults()).properties().stream()
                    .map(Map.Entry::getKey).toList()) + ")", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new BadInputException(source, where, "invalid configuration: " + (cause == e
                    ? e.getOriginalMessage() : cause.getMessage()), e);
        } catch (IOException e) {
            throw new BadInputException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** This configuration as a JSON-ready map (for manifests). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return JSON.convertValue(this, Map.class);
    }

    /** A configuration from {@link #toMap()} output (e.g. read back from a manifest). */
    public static NasBenchConfig fromMap(Map<?, ?> map, String source) {
        try {
            return JSON.convertValue(map, NasBenchConfig.class);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "protocol", "invalid protocol configuration: " + e.getMessage(), e);
        }
    }

    private static V2Config model(int layers, int hiddenDim) {
        return V2Config.nasBench().withSize(layers, hiddenDim);
    }

    private static TrainConfig training(int epochs, int batchSize, float learningRate, double warmupRate,
                                        float lambdaSr, float lambdaCons, long seed, Selection selectOn,
                                        int evalBatchSize, boolean showProgress, Family family, Float emaDecay) {
        TrainConfig reference = family == Family.V1 ? TrainConfig.v1NasBench() : TrainConfig.nasBench201();
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons, seed,
                1, SelectionMetric.KENDALL_TAU, selectOn == Selection.TEST ? SelectionSet.BEST_ON_TEST_REFERENCE
                : SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, showProgress,
                TrainConfig.Schedule.WARMUP_LINEAR_DECAY, reference.objective(), reference.weightDecay(),
                reference.decayExemption(), emaDecay == null ? reference.emaDecay() : emaDecay);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
