package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.narformer.tokenizer.HandBuiltGraphs.attrs;
import static org.narformer.tokenizer.HandBuiltGraphs.constant;
import static org.narformer.tokenizer.HandBuiltGraphs.data;
import static org.narformer.tokenizer.HandBuiltGraphs.input;
import static org.narformer.tokenizer.HandBuiltGraphs.op;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;
import org.narformer.tokenizer.HandBuiltGraphs;

class StaticFeatureCalculatorTest {

    @Test
    void referenceModeOnTinyCnnMatchesHandCount() {
        // Conv: Co·Ho·Wo = 4·8·8 = 256, Ci·k² = 27 → 256·(54 − 1 + 1) = 13824; params 4·(27 + 1) = 112
        // BN: 4·256 = 1024, params 4·4 = 16; GAP: out 4 × width ratio 4/1 = 16; Gemm: 10·(8 − 1 + 1) = 80, 10·5 = 50
        // memory: outputs 256·3 + 64 + 4 + 4 + 10 = 850, plus params 178
        StaticFeatures sf = StaticFeatures.of(HandBuiltGraphs.tinyCnn(), StaticFeatureMode.REFERENCE);
        assertEquals(new StaticFeatures(14944, 178, 1028), sf);
    }

    @Test
    void extendedModeOnTinyCnnCountsReluFullPoolWindowAndTrainableBnParams() {
        // + Relu 256; GAP = 4·4·4 = 64 (not 16); BN params = scale + bias = 8 (not 16)
        StaticFeatures sf = StaticFeatures.of(HandBuiltGraphs.tinyCnn(), StaticFeatureMode.EXTENDED);
        assertEquals(new StaticFeatures(13824 + 1024 + 256 + 64 + 80, 112 + 8 + 50, 850 + 170), sf);
    }

    @Test
    void referenceIgnoresMatMulLayerNormAndErfWhileExtendedCountsThem() {
        NetworkGraph g = HandBuiltGraphs.attentionBlock();
        // reference: only Add (32), Clip (0), Transpose (0), Softmax (rank 3 // batch 1 = 3 → 3·3 − 1 = 8) count
        assertEquals(new StaticFeatures(32 + 8, 0, 32 + 32 + 32 + 16),
                StaticFeatures.of(g, StaticFeatureMode.REFERENCE));
        // extended: LN 5·32; MatMul 32·15 and 16·15; Add 32; Clip 32; Softmax 3·16 − 16/4 = 44; Erf 16
        // params: LN γ,β 16; Wq 64; bq 8 (Clip's scalar bounds are not parameters)
        double flops = 160 + 480 + 32 + 32 + 240 + 44 + 16;
        double params = 16 + 64 + 8;
        double outputs = 32 * 5 + 16 * 3;
        assertEquals(new StaticFeatures(flops, params, outputs + params),
                StaticFeatures.of(g, StaticFeatureMode.EXTENDED));
    }

    @Test
    void multiOutputOperatorCountsFlopsOnceAndMemoryForEveryOutput() {
        NetworkGraph g = NetworkGraph.builder("split")
                .addNode(input("x", 1, 4, 2))
                .addNode(new Node("s0", "Split", attrs("axis", 1L), List.of(data("x", 1, 4, 2)),
                        TensorShape.of(1, 2, 2), 0, 2))
                .addNode(new Node("s1", "Split", attrs("axis", 1L), List.of(data("x", 1, 4, 2)),
                        TensorShape.of(1, 2, 2), 1, 2))
                .addNode(op("a", "Add", Map.of(), List.of(data("s0", 1, 2, 2), data("s1", 1, 2, 2)), 1, 2, 2))
                .addEdge("x", "s0").addEdge("x", "s1").addEdge("s0", "a").addEdge("s1", "a").build();
        assertEquals(new StaticFeatures(4, 0, 12), StaticFeatures.of(g, StaticFeatureMode.REFERENCE));
        // extended: Split does no arithmetic; Add 4
        assertEquals(new StaticFeatures(4, 0, 12), StaticFeatures.of(g, StaticFeatureMode.EXTENDED));
    }

    @Test
    void weightSharedThroughIdentityCountsOncePerUse() {
        NetworkGraph g = NetworkGraph.builder("shared")
                .addNode(input("x", 1, 2, 4, 4))
                .addNode(input("w", 2, 2, 1, 1))
                .addNode(op("wi", "Identity", Map.of(), List.of(constant("w", 2, 2, 1, 1)), 2, 2, 1, 1))
                .addNode(op("c1", "Conv", attrs("kernel_shape", new long[] {1, 1}),
                        List.of(data("x", 1, 2, 4, 4), data("wi", 2, 2, 1, 1)), 1, 2, 4, 4))
                .addNode(op("c2", "Conv", attrs("kernel_shape", new long[] {1, 1}),
                        List.of(data("c1", 1, 2, 4, 4), data("wi", 2, 2, 1, 1)), 1, 2, 4, 4))
                .addNode(op("m", "MatMul", Map.of(), List.of(data("c2", 1, 2, 4, 4), data("wi", 2, 2, 1, 1)),
                        1, 2, 4, 1))
                .addEdge("x", "c1").addEdge("w", "wi").addEdge("wi", "c1").addEdge("c1", "c2")
                .addEdge("wi", "c2").addEdge("c2", "m").addEdge("wi", "m").build();
        // Conv: 4 each; MatMul's right operand is an Identity of an initializer, so a constant: 4 more
        assertEquals(12, StaticFeatures.of(g, StaticFeatureMode.EXTENDED).paramCount());
        assertEquals(8, StaticFeatures.of(g, StaticFeatureMode.REFERENCE).paramCount());
    }

    @Test
    void missingShapeIsReportedWithTheNode() {
        NetworkGraph g = NetworkGraph.builder("noshape")
                .addNode(input("x", 1, 4))
                .addNode(new Node("r", "Relu", Map.of(), List.of(data("x", 1, 4)), TensorShape.UNKNOWN, 0, 1))
                .addEdge("x", "r").build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> StaticFeatures.of(g, StaticFeatureMode.REFERENCE));
        assertTrue(e.getMessage().startsWith("noshape: node 'r': "), e.getMessage());
    }

    @Test
    void referenceRefusesBilinearUpsampleLikeTheReferenceCrashes() {
        NetworkGraph g = NetworkGraph.builder("up")
                .addNode(input("x", 1, 2, 2, 2))
                .addNode(op("u", "Upsample", attrs("mode", "bilinear"), List.of(data("x", 1, 2, 2, 2)), 1, 2, 4, 4))
                .addEdge("x", "u").build();
        assertThrows(BadInputException.class, () -> StaticFeatures.of(g, StaticFeatureMode.REFERENCE));
        assertEquals(11 * 32, StaticFeatures.of(g, StaticFeatureMode.EXTENDED).flops());
    }

    @Test
    void scaledVectorIsTheReferenceRawStaticFeature() {
        float[] v = new StaticFeatures(3_636_354_048d, 11_699_112d, 19_930_000d).scaledVector(8);
        assertEquals(8f, v[0]);
        assertEquals(3.636354048f, v[1]);
        assertEquals(0.011699112f, v[2]);
        assertEquals(0.01993f, v[3]);
    }
}
