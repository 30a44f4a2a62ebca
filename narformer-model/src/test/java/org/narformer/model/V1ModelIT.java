package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.narformer.cells.CellSpace;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

class V1ModelIT {
    static final V1CellTokenizer TOKENIZER = V1CellTokenizer.of(CellSpace.NB101);

    /**
     * The official {@code NetEncoder} with the NAS-Bench flags: 6 encoder blocks × 444,864 (LN 384 + MHSA
     * 4 × 37,056 + FFN block 296,256), 3 fusion stages × 407,808 (LN + K/V/out projections + FFN block), 2
     * fuse-feature blocks × 445,248, learned queries (4+2+1)·192, final LN 384, depth map 37,056, head 193.
     */
    @Test
    void parameterCountEqualsTheReference() {
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 1)) {
            assertEquals(6 * 444_864L + 3 * 407_808L + 2 * 445_248L + 7 * 192 + 384 + 37_056 + 193,
                    model.parameterCount());
            assertEquals(4_822_081L, model.parameterCount());
        }
    }

    @Test
    void stageOutputsHaveTheReferenceShapesForFourToEightNodeCells() {
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 2)) {
            for (int nodes = 4; nodes <= 8; nodes++) {
                List<TokenizedGraph> graphs = SyntheticGraphs.randomList(3, nodes + 1, nodes + 1, 192, 0, nodes);
                NDList stages = model.stages(model.inputs(graphs));
                assertEquals(new Shape(3, nodes + 2, 192), stages.get(0).getShape(), "depth + nodes + end");
                assertEquals(new Shape(3, 4, 192), stages.get(1).getShape());
                assertEquals(new Shape(3, 2, 192), stages.get(2).getShape());
                assertEquals(new Shape(3, 1, 192), stages.get(3).getShape());
                float[] p = model.forward(model.inputs(graphs), false).toFloatArray();
                assertEquals(3, p.length);
                for (float v : p) {
                    assertTrue(v > 0 && v < 1, "sigmoid head: " + v);
                }
                stages.close();
            }
        }
    }

    @Test
    void paddedBatchPredictsExactlyAsOneByOne() {
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(7, 5, 9, 192, 0, 5);
        try (V1Model model = V1Model.create(V1Config.defaults(), TOKENIZER, 3)) {
            float[] batched = model.forward(model.inputs(graphs), false).toFloatArray();
            float[] single = new float[graphs.size()];
            for (int i = 0; i < graphs.size(); i++) {
                single[i] = model.forward(model.inputs(List.of(graphs.get(i))), false).getFloat(0, 0);
            }
            assertArrayEquals(single, batched, 1e-6f, "padding must not leak into real tokens");
            assertArrayEquals(single, model.predict(graphs, 3), 1e-6f);
        }
    }
}
