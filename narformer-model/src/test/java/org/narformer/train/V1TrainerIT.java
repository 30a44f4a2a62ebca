package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import org.junit.jupiter.api.Test;
import org.narformer.cells.CellSpace;
import org.narformer.model.SyntheticGraphs;
import org.narformer.model.V1Config;
import org.narformer.model.V1Model;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

class V1TrainerIT {
    static final V1CellTokenizer TOKENIZER = V1CellTokenizer.of(CellSpace.NB101);

    @Test
    void emaMovesTowardTheRawWeightsAtTheConfiguredRate() {
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 4);
             ModelEma ema = new ModelEma(model, 0.99f)) {
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
        V1TrainConfig corrected = new V1TrainConfig(1, 8, 8, 1e-4f, 0.1, 0.01f,
                V1TrainConfig.DecayExemption.BIASES_AND_NORM_WEIGHTS, 1f, 0.1f, 0.5f, 0.99f, 1);
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 4)) {
            ParameterList params = model.parameters();
            int total = params.size();
            long reference = params.keys().stream().filter(n -> !V1TrainConfig.defaults().decays(n)).count();
            long fixed = params.keys().stream().filter(n -> !corrected.decays(n)).count();
            assertEquals(2 * 65 + 2 * 25 + 3, total, "weight and bias per layer, 3 learned query sets");
            assertEquals(65 + 25, reference);
            assertEquals(65 + 2 * 25, fixed);
        }
    }

    /** Labels that depend on the cell size and on one token feature: learnable, and ranking them is not trivial. */
    static float label(TokenizedGraph g) {
        return 0.3f + 0.06f * (g.nodeCount() - 5) + 0.05f * g.token(0, 0);
    }

    @Test
    void trainingLowersTheLossAndRaisesHeldOutTau() throws Exception {
        List<TokenizedGraph> trainGraphs = SyntheticGraphs.randomList(48, 5, 9, 192, 0, 21);
        List<TokenizedGraph> val = SyntheticGraphs.randomList(40, 5, 9, 192, 0, 22);
        List<TrainingSample> train = new ArrayList<>();
        for (TokenizedGraph g : trainGraphs) {
            train.add(new TrainingSample(g, g, label(g)));
        }
        double[] truth = val.stream().mapToDouble(V1TrainerIT::label).toArray();
        V1TrainConfig config = V1TrainConfig.defaults().withEpochs(12).withBatchSize(16).withLearningRate(5e-4f);
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 5)) {
            double before = org.narformer.metrics.KendallTau.tauB(
                    NasBenchProtocol.toDouble(model.predict(val, 64)), truth);
            V1TrainingResult result = new V1Trainer(config).train(model, train, val, truth);
            List<V1EpochReport> epochs = result.epochs();
            assertEquals(12, epochs.size());
            assertTrue(epochs.get(epochs.size() - 1).loss() < 0.5 * epochs.get(0).loss(),
                    "loss " + epochs.get(0).loss() + " -> " + epochs.get(epochs.size() - 1).loss());
            assertTrue(result.bestTau() > before + 0.2, "val tau " + before + " -> " + result.bestTau());
            assertNotNull(result.bestEmaParameters());
            try (V1Model best = V1Model.load(model.config(), TOKENIZER,
                    new DataInputStream(new ByteArrayInputStream(result.bestParameters())))) {
                double tau = org.narformer.metrics.KendallTau.tauB(
                        NasBenchProtocol.toDouble(best.predict(val, 64)), truth);
                assertEquals(result.bestTau(), tau, 1e-12, "the selected network is the one that scored");
            }
        }
    }
}
