package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.cells.CellAugmentation;
import org.narformer.cells.CellSpace;
import org.narformer.data.DataDirectory;
import org.narformer.data.DataFile;
import org.narformer.data.GraphSource;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.data.Split;
import org.narformer.data.SplitDefinition;
import org.narformer.graph.NetworkGraph;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.V2CellTokenizer;

/**
 * The real proof: on NAS-Bench-201 (reference split: first N = 781 train, next 200 validation; labels: cifar10-valid
 * validation accuracy for training and selection), 20 epochs (1,960 steps) of a reduced V2 (2 layers, d 256) raise
 * Kendall τ against the CIFAR-10 test accuracy on 2,000 held-out cells that were neither trained nor validated on.
 *
 * <p>The bound is below the spread measured on seeds: at this budget τ varies with the seed (0.505–0.657 over
 * seeds 3, 4, 5, 6 and 1234 on one thread) and, for one seed, with the machine and thread count (floating-point
 * sums in another order). With 400 training cells the spread was 0.37–0.64, which a CI machine fell out of.
 */
class Nb201LearningIT {
    private static final int TRAIN = 781;

    @TempDir
    Path tmp;

    @Test
    void trainingRaisesHeldOutKendallTau() {
        Optional<DataDirectory> dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "NAS-Bench-201 data not found (../shared/data or NARFORMER_DATA)");
        List<Sample> all = DataFile.NB201.read(dir.get(), ReadPolicy.STRICT).samples();
        Split split = SplitDefinition.FirstN.reference(TRAIN).apply(all);
        V2CellTokenizer tokenizer = V2CellTokenizer.of(CellSpace.NB201);
        List<TrainingSample> train = split.train().stream().map(s -> {
            NetworkGraph cell = ((GraphSource.Nb201) s.source()).cell().toGraph();
            return new TrainingSample(tokenizer.tokenize(cell),
                    tokenizer.tokenize(CellAugmentation.V2_FIRST_VALID.pairOf(cell)), (float) s.target("validation"));
        }).toList();
        List<TrainingSample> validation = split.validation().stream().map(s -> sample(tokenizer, s, "validation"))
                .toList();
        List<TrainingSample> heldOut = all.subList(5_000, 7_000).stream().map(s -> sample(tokenizer, s, "test"))
                .toList();

        V2Config model = V2Config.nasBench().withSize(2, 256);
        TrainConfig config = new TrainConfig(20, 8, 1024, 1e-3f, 0.1, 0.1f, 0.5f, 1234, 1,
                SelectionMetric.KENDALL_TAU, SelectionSet.VALIDATION, 50, false);
        double before;
        try (V2Model untrained = V2Model.create(model, Trainer.derivedSeed(config.seed(), 0, 1))) {
            before = Trainer.evaluate(untrained, heldOut, 1024).kendallTau();
        }
        TrainingResult result = new Trainer<>(new V2Family(model), config).train(train, validation, tmp.resolve("run"),
                Map.of("file", DataFile.NB201.relativePath(), "split", split.summary().toString()));
        double firstLoss = result.history().get(0).meanLoss();
        assertTrue(result.last().meanLoss() < firstLoss, "loss must fall: " + firstLoss + " -> "
                + result.last().meanLoss());
        try (Predictor best = Predictor.load(result.bestCheckpoint())) {
            double after = best.evaluate(heldOut).kendallTau();
            System.out.printf("NB201 %d train, %d steps: held-out tau %.3f -> %.3f (best epoch %d, val tau %.3f)%n",
                    TRAIN, result.history().stream().mapToInt(EpochReport::steps).sum(), before, after,
                    result.bestEpoch(), result.bestScore());
            assertTrue(after > 0.4 && after > before + 0.3, "held-out tau must rise: " + before + " -> " + after);
        }
    }

    private static TrainingSample sample(V2CellTokenizer tokenizer, Sample s, String label) {
        return TrainingSample.of(tokenizer.tokenize(((GraphSource.Nb201) s.source()).cell().toGraph()),
                (float) s.target(label));
    }
}
