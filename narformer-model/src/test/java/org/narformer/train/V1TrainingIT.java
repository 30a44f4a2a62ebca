package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.cells.CellSpace;
import org.narformer.metrics.KendallTau;
import org.narformer.model.SyntheticGraphs;
import org.narformer.model.V1Checkpoints;
import org.narformer.model.V1Config;
import org.narformer.model.V1Family;
import org.narformer.model.V1Model;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

/** NAR-Former V1 through the shared {@link Trainer}: EMA, weight decay, learning, selection, resume. */
class V1TrainingIT {
    static final V1CellTokenizer TOKENIZER = V1CellTokenizer.of(CellSpace.NB101);
    static final V1Family FAMILY = new V1Family(V1Config.defaults(), TOKENIZER);

    @TempDir
    Path tmp;

    @Test
    void emaMovesTowardTheRawWeightsAtTheConfiguredRate() {
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 4);
             ModelEma<V1Model> ema = new ModelEma<>(FAMILY, model, 0.99f)) {
            ParameterList raw = model.parameters();
            ParameterList avg = ema.model().parameters();
            float[] start = avg.get(0).getValue().getArray().toFloatArray();
            for (int i = 0; i < raw.size(); i++) {
                raw.get(i).getValue().getArray().addi(1f);
            }
            ema.update(model);
            float[] once = avg.get(0).getValue().getArray().toFloatArray();
            for (int k = 0; k < start.length; k++) {
                assertEquals(start[k] + 0.01f, once[k], 1e-5f, "one step moves 1 − decay of the gap");
            }
            for (int step = 0; step < 9; step++) {
                ema.update(model);
            }
            for (int i = 0; i < raw.size(); i++) {
                NDArray gap = raw.get(i).getValue().getArray().sub(avg.get(i).getValue().getArray());
                assertEquals(Math.pow(0.99, 10), gap.mean().getFloat(), 1e-4, raw.get(i).getKey());
                assertEquals(0f, gap.max().sub(gap.min()).getFloat(), 1e-4f, raw.get(i).getKey());
            }
        }
    }

    /** 65 linear layers and 25 LayerNorms: their biases (and, corrected, the norms' weights) escape decay. */
    @Test
    void weightDecayExemptsTheReferenceParameters() {
        TrainConfig reference = TrainConfig.v1NasBench();
        TrainConfig corrected = reference.withDecayExemption(TrainConfig.DecayExemption.BIASES_AND_NORM_WEIGHTS);
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 4)) {
            ParameterList params = model.parameters();
            int total = params.size();
            long exemptReference = params.keys().stream().filter(n -> !reference.decays(n)).count();
            long exemptCorrected = params.keys().stream().filter(n -> !corrected.decays(n)).count();
            assertEquals(2 * 65 + 2 * 25 + 3, total, "weight and bias per layer, 3 learned query sets");
            assertEquals(65 + 25, exemptReference);
            assertEquals(65 + 2 * 25, exemptCorrected);
        }
    }

    /** Labels that depend on the cell size and on one token feature: learnable, and ranking them is not trivial. */
    static float label(TokenizedGraph g) {
        return 0.3f + 0.06f * (g.nodeCount() - 5) + 0.05f * g.token(0, 0);
    }

    static List<TrainingSample> samples(int count, long seed, boolean twins) {
        List<TrainingSample> out = new ArrayList<>();
        for (TokenizedGraph g : SyntheticGraphs.randomList(count, 5, 9, 192, 0, seed)) {
            out.add(new TrainingSample(g, twins ? g : null, label(g)));
        }
        return out;
    }

    static TrainConfig config(int epochs) {
        return new TrainConfig(epochs, 16, 64, 5e-4f, 0.1, 0.1f, 0.5f, 5, 1, SelectionMetric.KENDALL_TAU,
                SelectionSet.VALIDATION, 4, false, TrainConfig.Schedule.WARMUP_LINEAR_DECAY, TrainConfig.Objective.MSE,
                0.01f, TrainConfig.DecayExemption.REFERENCE_BIASES_ONLY, 0.99f);
    }

    @Test
    void trainingLowersTheLossRaisesHeldOutTauAndKeepsBothSelections() throws Exception {
        List<TrainingSample> train = samples(48, 21, true);
        List<TrainingSample> val = samples(40, 22, false);
        List<TokenizedGraph> valGraphs = val.stream().map(TrainingSample::graph).toList();
        double[] truth = val.stream().mapToDouble(TrainingSample::target).toArray();
        double before;
        try (V1Model untrained = FAMILY.create(Trainer.derivedSeed(5, 0, 1))) {
            before = KendallTau.tauB(NasBenchProtocol.toDouble(untrained.predict(valGraphs, 64)), truth);
        }
        TrainingResult result = new Trainer<>(FAMILY, config(12)).train(train, val, tmp.resolve("run"), Map.of());
        List<EpochReport> epochs = result.history();
        assertEquals(12, epochs.size());
        assertTrue(epochs.get(11).meanLoss() < 0.5 * epochs.get(0).meanLoss(),
                "loss " + epochs.get(0).meanLoss() + " -> " + epochs.get(11).meanLoss());
        assertTrue(result.bestScore() > before + 0.2, "val tau " + before + " -> " + result.bestScore());
        assertNotNull(result.bestEmaCheckpoint());
        assertNotNull(epochs.get(11).emaEvaluation());
        try (V1Model best = V1Checkpoints.load(result.bestCheckpoint());
             V1Model ema = V1Checkpoints.load(result.bestEmaCheckpoint())) {
            assertEquals(result.bestScore(), KendallTau.tauB(NasBenchProtocol.toDouble(best.predict(valGraphs, 64)),
                    truth), 1e-12, "the selected network is the one that scored");
            assertEquals(result.bestEmaScore(), KendallTau.tauB(NasBenchProtocol.toDouble(ema.predict(valGraphs, 64)),
                    truth), 1e-12, "the selected average is the one that scored");
        }
    }

    @Test
    void aResumedRunEndsWithTheSameWeightsAndAverageAsAnUninterruptedOne() throws Exception {
        List<TrainingSample> train = samples(32, 31, true);
        List<TrainingSample> val = samples(16, 32, false);
        List<TokenizedGraph> probe = val.stream().map(TrainingSample::graph).toList();
        Path full = tmp.resolve("full");
        Path interrupted = tmp.resolve("interrupted");
        new Trainer<>(FAMILY, config(2)).withListener((report, model, ema) -> {
            if (report.epoch() == 1) {
                TrainingIT.copy(full.resolve(Trainer.LAST), interrupted.resolve(Trainer.LAST));
                TrainingIT.copy(full.resolve(Trainer.LAST_EMA), interrupted.resolve(Trainer.LAST_EMA));
            }
        }).train(train, val, full, Map.of());
        TrainingResult resumed = Trainer.resume(interrupted.resolve(Trainer.LAST), train, val, Map.of());
        assertEquals(2, resumed.last().epoch());
        assertEquals(1, resumed.history().size());
        try (V1Model a = V1Checkpoints.load(full.resolve(Trainer.LAST));
             V1Model b = V1Checkpoints.load(interrupted.resolve(Trainer.LAST));
             V1Model ea = V1Checkpoints.load(full.resolve(Trainer.LAST_EMA));
             V1Model eb = V1Checkpoints.load(interrupted.resolve(Trainer.LAST_EMA))) {
            assertArrayEquals(a.predict(probe, 64), b.predict(probe, 64));
            assertArrayEquals(ea.predict(probe, 64), eb.predict(probe, 64));
        }
    }
}
