package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.narformer.tokenizer.TokenizedGraph;

class V2ModelIT {
    @Test
    void parameterCountsEqualTheReference() {
        try (V2Model nnlqp = V2Model.create(V2Config.nnlqp(), 1);
             V2Model nasBench = V2Model.create(V2Config.nasBench(), 1);
             V2Model nnlp = V2Model.create(V2Config.nnlp(), 1)) {
            assertEquals(2_310_921L, nnlqp.parameterCount());
            assertEquals(8_582_535L, nasBench.parameterCount());
            assertEquals(1_360_897L, nnlp.parameterCount(), "NNLQP's NNLP (REFERENCE.md §5)");
        }
    }

    @Test
    void initialisationFollowsTheReferenceBounds() {
        try (V2Model model = V2Model.create(V2Config.nasBench(), 7)) {
            for (Pair<String, Parameter> p : model.parameters()) {
                NDArray a = p.getValue().getArray();
                float max = a.abs().max().getFloat();
                String name = p.getKey();
                if (name.endsWith("up_weight")) {
                    assertBound((float) Math.sqrt(6.0 / (16384 + 2048)), max, name);
                } else if (name.endsWith("down_weight")) {
                    assertBound((float) Math.sqrt(6.0 / (16384 + 512)), max, name);
                } else if (name.endsWith("layerScale")) {
                    assertEquals(1e-4f, max, 1e-9f, name);
                    assertEquals(1e-4f, a.min().getFloat(), 1e-9f, name);
                } else if (name.endsWith("layer1Attention_queryKey_weight")) {
                    assertBound((float) (1 / Math.sqrt(512)), max, name);
                } else if (name.endsWith("headOut_bias")) {
                    assertTrue(max <= 1f, name); // U(±1/√out) with out = 1
                }
            }
        }
    }

    private static void assertBound(float bound, float observedMax, String name) {
        assertTrue(observedMax <= bound && observedMax > 0.95f * bound, name + ": max |w| " + observedMax
                + " vs bound " + bound);
    }

    @Test
    void maskedAttentionGivesExactlyZeroWeightToNonNeighbours() {
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(3, 4, 9, 16, 0, 11);
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphAttentionBlock block = new GraphAttentionBlock(16, 32, true);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 1, 16), new ai.djl.ndarray.types.Shape(1, 1, 1));
            GraphBatch batch = GraphBatch.of(graphs, V2Config.nasBench().withTokenDim(16).withSize(1, 32));
            NDList in = batch.toNDList(manager);
            NDArray p = block.attend(new ParameterStore(manager, false), in.get(0), in.get(1), false).get(1);
            int n = batch.maxNodes();
            float[] attention = p.toFloatArray();
            for (int b = 0; b < graphs.size(); b++) {
                TokenizedGraph g = graphs.get(b);
                for (int i = 0; i < n; i++) {
                    double rowSum = 0;
                    for (int j = 0; j < n; j++) {
                        float w = attention[(b * n + i) * n + j];
                        boolean neighbour = i < g.nodeCount() && j < g.nodeCount() && g.adjacent(i, j);
                        if (!neighbour) {
                            assertEquals(0f, w, "graph " + b + " P[" + i + "][" + j + "]");
                        } else {
                            assertTrue(w > 0, "neighbour weight must be positive");
                        }
                        rowSum += w;
                    }
                    if (i < g.nodeCount() && g.degree(i) > 0) {
                        assertEquals(1.0, rowSum, 1e-4, "row " + i + " of graph " + b + " sums to one");
                    }
                }
            }
        }
    }

    @Test
    void relabellingNodesLeavesPredictionsUnchanged() {
        SplittableRandom rng = new SplittableRandom(5);
        for (V2Config config : List.of(V2Config.nnlqp().withSize(2, 64), V2Config.nasBench().withSize(3, 64),
                V2Config.nnlp().withSize(2, 64))) {
            try (V2Model model = V2Model.create(config, 3)) {
                TokenizedGraph g = SyntheticGraphs.random(12, config.tokenDim(), config.staticDim(), rng);
                int[] perm = java.util.stream.IntStream.range(0, 12).toArray();
                BatchPlanner.shuffle(perm, rng);
                float[] p = model.predict(List.of(g, SyntheticGraphs.relabel(g, perm)), 8);
                assertEquals(p[0], p[1], 1e-5f * Math.abs(p[0]), config.layerKind() + " " + config.readout() + ": "
                        + p[0] + " vs " + p[1]);
            }
        }
    }

    @Test
    void paddedBatchEqualsGraphsOneByOne() {
        for (V2Config config : List.of(V2Config.nnlqp().withSize(2, 64), V2Config.nasBench().withSize(3, 64),
                V2Config.nnlp().withSize(2, 64))) {
            List<TokenizedGraph> graphs = SyntheticGraphs.randomList(9, 2, 20, config.tokenDim(),
                    config.staticDim(), 21);
            try (V2Model model = V2Model.create(config, 4)) {
                float[] batched = model.predict(graphs, 64);
                for (int k = 0; k < graphs.size(); k++) {
                    float single = model.predict(List.of(graphs.get(k)), 1)[0];
                    assertEquals(single, batched[k], 1e-5f * Math.abs(single),
                            config.layerKind() + " " + config.readout() + " graph " + k + " ("
                                    + graphs.get(k).nodeCount() + " nodes)");
                }
                GraphBatch batch = GraphBatch.of(graphs, config);
                assertTrue(batch.paddingFraction() > 0, "the test batch must contain padding");
            }
        }
    }

    @Test
    void multiOutputHeadPadsLikeOneOutputAndHeadsCanBeTakenOut() {
        V2Config config = V2Config.nasBench().withSize(2, 32).withOutputs(3);
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(7, 2, 8, config.tokenDim(), 0, 5);
        try (V2Model model = V2Model.create(config, 4)) {
            float[][] all = model.predictOutputs(graphs, 64);
            assertEquals(3, all[0].length);
            assertThrows(IllegalStateException.class, () -> model.predict(graphs, 64));
            for (int k = 0; k < graphs.size(); k++) {
                float[] single = model.predictOutputs(List.of(graphs.get(k)), 1)[0];
                for (int o = 0; o < 3; o++) {
                    assertEquals(single[o], all[k][o], 1e-5f * Math.abs(single[o]), "graph " + k + " output " + o);
                    assertTrue(all[k][o] > 0, "softplus output");
                }
            }
            try (V2Model picked = model.withHeads(new int[] {2, 0}, 9);
                 V2Model fresh = model.withHeads(new int[] {-1}, 9)) {
                float[][] p = picked.predictOutputs(graphs, 64);
                for (int k = 0; k < graphs.size(); k++) {
                    assertEquals(all[k][2], p[k][0], 0f, "output 2 copied exactly");
                    assertEquals(all[k][0], p[k][1], 0f, "output 0 copied exactly");
                }
                assertEquals(1, fresh.outputs());
                float[] f = fresh.predict(graphs, 64);
                for (int k = 0; k < graphs.size(); k++) {
                    assertNotEquals(all[k][0], f[k], "a fresh head is not a copy");
                }
            }
            try (V2Model scaled = model.withHeads(new int[] {1}, 2.5f, 9)) {
                float[] p = scaled.predict(graphs, 64);
                for (int k = 0; k < graphs.size(); k++) {
                    assertEquals(2.5f * all[k][1], p[k], 1e-6f * p[k], "output 1 rescaled");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> model.withHeads(new int[] {3}, 1));
        }
    }

    @Test
    void outputScaleMultipliesThePredictionAndNothingElse() {
        V2Config config = V2Config.nnlqp().withSize(1, 16);
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(5, 2, 9, config.tokenDim(), config.staticDim(), 3);
        try (V2Model reference = V2Model.create(config, 6);
             V2Model scaled = V2Model.create(config.withOutputScale(40f), 6)) {
            float[] a = reference.predict(graphs, 8);
            float[] b = scaled.predict(graphs, 8);
            for (int k = 0; k < a.length; k++) {
                assertEquals(40f * a[k], b[k], 1e-6f * b[k], "graph " + k);
            }
        }
    }

    @Test
    void nnlpMeanOfNoNeighboursIsZeroNotNaN() {
        V2Config config = V2Config.nnlp().withSize(1, 16);
        SplittableRandom rng = new SplittableRandom(9);
        TokenizedGraph isolated = new TokenizedGraph(3, config.tokenDim(),
                SyntheticGraphs.random(3, config.tokenDim(), config.staticDim(), rng).tokens(), new boolean[9],
                new float[config.staticDim()]);
        try (V2Model model = V2Model.create(config, 2)) {
            float p = model.predict(List.of(isolated), 1)[0];
            assertTrue(Float.isFinite(p) && p > 0, "prediction of a graph without edges: " + p);
        }
    }
}
