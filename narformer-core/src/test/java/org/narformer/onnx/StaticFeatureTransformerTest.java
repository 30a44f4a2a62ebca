package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.narformer.graph.NetworkGraph;

/** Reference versus extended static features on the imported BERT-style layer of {@link TransformerShapesTest}. */
class StaticFeatureTransformerTest {

    @Test
    void extendedCountsEveryWeightAndEveryMatMulTheReferenceMisses() {
        NetworkGraph g = OnnxModel.fromBytes(TransformerShapesTest.encoderLayer().toBytes(), "encoder").toGraph();
        StaticFeatures ref = StaticFeatures.of(g, StaticFeatureMode.REFERENCE);
        StaticFeatures ext = StaticFeatures.of(g, StaticFeatureMode.EXTENDED);
        // no Conv, Gemm or BatchNormalization: the reference sees no parameter at all
        assertEquals(0, ref.paramCount());
        // table 1000·64, positions 16·64, γ and β 64 each, wq wk wv 64·64 each, w1 64·256, b1 256, w2 256·64
        assertEquals(64_000 + 1_024 + 128 + 3 * 4_096 + 16_384 + 256 + 16_384, ext.paramCount());
        // MatMuls by hand, out elements·(2K − 1): q, k, v 1024·127 each; scores and ctx 1024·31 each;
        // up 4096·127; down 1024·511
        double matMuls = 3 * 1024 * 127 + 2 * 1024 * 31 + 4096 * 127 + 1024 * 511;
        assertTrue(ext.flops() - ref.flops() >= matMuls, ext + " vs " + ref);
        assertTrue(ext.memoryAccess() > ref.memoryAccess());
    }
}
