package org.narformer.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.NnlpTokenizer;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1NetworkTokenizer;
import org.narformer.tokenizer.WholeNetworkTokenizer;

/**
 * What a trained latency method reads from a whole network: V2's 152-d tokens with 40 encoded static values, NNLP's
 * 44-d node features with the 4 raw static values, or V1's 960-d tokens with 256 encoded static values — for V2 and
 * V1 optionally followed by the 4 raw values ({@link LatencyExperimentConfig.StaticFeatures#WITH_RAW}). The one place
 * that decides it, for training ({@link LatencyDataset.Item#graph}) and for predicting ({@link LatencyPredictor}), so
 * a saved predictor reads a new network exactly as its training networks were read. Checkpoints record it under
 * {@link #KEY} of their data description.
 *
 * @param method         V2, NNLP or V1
 * @param staticFeatures V2's or V1's static features (NNLP always reads the raw values: {@code REFERENCE} here)
 */
public record LatencyInput(LatencyMethod method, LatencyExperimentConfig.StaticFeatures staticFeatures) {
    /** The key of the input description in a checkpoint's data record. */
    public static final String KEY = "latencyInput";

    public LatencyInput {
        if (!method.trained()) {
            throw new IllegalArgumentException(method.label() + " reads no tokens");
        }
        if (method == LatencyMethod.NNLP) {
            staticFeatures = LatencyExperimentConfig.StaticFeatures.REFERENCE;
        }
    }

    /** The input of {@code method} under {@code config}'s static-feature options. */
    public static LatencyInput of(LatencyMethod method, LatencyExperimentConfig config) {
        return new LatencyInput(method, switch (method) {
            case V1 -> config.v1Static();
            case V2 -> config.v2Static();
            default -> LatencyExperimentConfig.StaticFeatures.REFERENCE;
        });
    }

    /**
     * The method's input from the tokenizations of one network: {@code v2} (V2 tokens), {@code nnlp} (NNLP features,
     * whose static vector is the raw one) and {@code v1} (V1 tokens); {@code v2} and {@code v1} may be null unless the
     * method is V2 or V1.
     */
    public TokenizedGraph select(TokenizedGraph v2, TokenizedGraph nnlp, TokenizedGraph v1) {
        TokenizedGraph encoded = switch (method) {
            case NNLP -> nnlp;
            case V2 -> v2;
            case V1 -> {
                if (v1 == null) {
                    throw new IllegalStateException("the network was read without V1 tokens");
                }
                yield v1;
            }
            default -> throw new IllegalStateException(method.label());
        };
        return method != LatencyMethod.NNLP && staticFeatures == LatencyExperimentConfig.StaticFeatures.WITH_RAW
                ? encoded.withStaticAppended(nnlp.staticFeatures()) : encoded;
    }

    /** The method's input for {@code graph} run at {@code batchSize}, as {@link LatencyDataset} reads it. */
    public TokenizedGraph tokenize(NetworkGraph graph, int batchSize) {
        NetworkTokenizerConfig config = NetworkTokenizerConfig.defaults().withBatchSize(batchSize);
        TokenizedGraph nnlp = new NnlpTokenizer(config).tokenize(graph); // NNLP's input, and the raw static values
        return select(method == LatencyMethod.V2 ? new WholeNetworkTokenizer(config).tokenize(graph) : null, nnlp,
                method == LatencyMethod.V1 ? V1NetworkTokenizer.lenient(batchSize).tokenize(graph) : null);
    }

    /**
     * Every tokenization the latency methods read, {@code {v2, nnlp, v1}} ({@code v1} null unless {@code withV1}:
     * 960 floats per node), for {@code graph} run at {@code batchSize}; V1's with lenient shapes, so that every
     * network V2 reads is read.
     */
    static TokenizedGraph[] tokenizations(NetworkGraph graph, int batchSize, boolean withV1) {
        NetworkTokenizerConfig config = NetworkTokenizerConfig.defaults().withBatchSize(batchSize);
        return new TokenizedGraph[] {new WholeNetworkTokenizer(config).tokenize(graph),
            new NnlpTokenizer(config).tokenize(graph),
            withV1 ? V1NetworkTokenizer.lenient(batchSize).tokenize(graph) : null};
    }

    /** As recorded in a checkpoint: {@code {"method": "v2", "staticFeatures": "with-raw"}}. */
    public Map<String, Object> toRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("method", method.label());
        record.put("staticFeatures", staticFeatures.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return record;
    }

    /**
     * Reads {@link #toRecord()}'s form back.
     *
     * @param source names the manifest in error messages
     * @throws BadInputException naming {@code source} when the record is missing or malformed
     */
    public static LatencyInput fromRecord(Object record, String source) {
        if (!(record instanceof Map<?, ?> map) || !(map.get("method") instanceof String m)
                || !(map.get("staticFeatures") instanceof String s)) {
            throw new BadInputException(source, "data." + KEY, "not a latency predictor: the checkpoint does not say "
                    + "which network input it was trained on (a NAS-Bench accuracy checkpoint? use 'narformer predict')");
        }
        LatencyMethod method = LatencyMethod.parse(m);
        try {
            return new LatencyInput(method, LatencyExperimentConfig.StaticFeatures.valueOf(
                    s.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "data." + KEY, "unknown input '" + m + "' / '" + s + "'", e);
        }
    }
}
