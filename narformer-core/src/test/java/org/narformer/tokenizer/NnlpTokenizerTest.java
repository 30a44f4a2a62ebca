package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.narformer.tokenizer.HandBuiltGraphs.attrs;
import static org.narformer.tokenizer.HandBuiltGraphs.constant;
import static org.narformer.tokenizer.HandBuiltGraphs.data;
import static org.narformer.tokenizer.HandBuiltGraphs.input;
import static org.narformer.tokenizer.HandBuiltGraphs.op;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.graph.NetworkGraph;

class NnlpTokenizerTest {
    /**
     * ResNet-18's first Conv (k 7, s 2, p 3, no bias) at [1,64,112,112], by hand from NNLQP's constants:
     * (7−2.53)/56, (2−1.16)/56, (3−0.75)/6, (1−1)/1, (1−15.08)/6144, (0−0.77)/1, 0, 0 |
     * (1−12.25)/1024, (64−286.96)/2496, (112−32.62)/256, (112−31.80)/256.
     */
    static final float[] FIRST_CONV = {0.07982143f, 0.015f, 0.375f, 0f, -0.0022916667f, -0.77f, 0f, 0f,
        -0.010986328f, -0.08932692f, 0.31007812f, 0.31328125f};
    /** ResNet-18's Gemm (bias) at [1,1000]: (1−0.77), 0 ×7 | −11.25/1024, 713.04/2496, −32.62/256, −31.80/256. */
    static final float[] GEMM = {0.23f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, -0.010986328f, 0.28567308f, -0.12742187f,
        -0.12421875f};

    static float[] tail(TokenizedGraph t, int node) {
        float[] out = new float[12];
        System.arraycopy(t.tokens(), node * 44 + 32, out, 0, 12);
        return out;
    }

    @Test
    void pinnedConvAndGemmValues() {
        NetworkGraph g = NetworkGraph.builder("stem")
                .addNode(input("x", 1, 3, 224, 224))
                .addNode(op("c", "Conv", attrs("kernel_shape", new long[] {7, 7}, "strides", new long[] {2, 2},
                        "pads", new long[] {3, 3, 3, 3}, "group", 1L),
                        List.of(data("x", 1, 3, 224, 224), constant("w", 64, 3, 7, 7)), 1, 64, 112, 112))
                .addNode(op("f", "Flatten", attrs("axis", 1L), List.of(data("c", 1, 64, 112, 112)), 1, 802816))
                .addNode(op("y", "Gemm", attrs("transB", 1L),
                        List.of(data("f", 1, 802816), constant("W", 1000, 802816), constant("B", 1000)), 1, 1000))
                .addEdge("x", "c").addEdge("c", "f").addEdge("f", "y").build();
        TokenizedGraph t = new NnlpTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        assertEquals(44, t.tokenDim());
        assertEquals(1f, t.token(1, 0));
        assertArrayEquals(FIRST_CONV, tail(t, 1), 1e-7f);
        assertEquals(1f, t.token(3, 8));
        assertArrayEquals(GEMM, tail(t, 3), 1e-7f);
        // Input: no op bit, no attributes; shape still normalised
        assertArrayEquals(new float[40], java.util.Arrays.copyOf(t.tokens(), 40));
    }

    @Test
    void permPaddingIsNormalisedToo() {
        NetworkGraph g = HandBuiltGraphs.attentionBlock();
        TokenizedGraph t = new NnlpTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        float[] expected = {-0.445f, 0.055f, -0.195f, -0.445f, -0.445f, -0.445f, -0.445f, -0.445f};
        float[] attrsOut = new float[8];
        System.arraycopy(t.tokens(), g.indexOf("tr") * 44 + 32, attrsOut, 0, 8);
        assertArrayEquals(expected, attrsOut, 1e-7f);
    }

    @Test
    void fullTuplesNormaliseEveryElementAndReadKernelFromTheWeight() {
        NetworkGraph g = NetworkGraph.builder("k")
                .addNode(input("x", 1, 3, 8, 8))
                .addNode(op("c", "Conv", attrs("strides", new long[] {2, 1}),
                        List.of(data("x", 1, 3, 8, 8), constant("w", 4, 3, 5, 3)), 1, 4, 2, 6))
                .addEdge("x", "c").build();
        NnlpTokenizer tokenizer = new NnlpTokenizer(new NetworkTokenizerConfig(1,
                org.narformer.onnx.StaticFeatureMode.REFERENCE, false, true));
        TokenizedGraph t = tokenizer.tokenize(g);
        assertEquals(50, t.tokenDim());
        float[] attrsOut = new float[14];
        System.arraycopy(t.tokens(), 50 + 32, attrsOut, 0, 14);
        float k = 56f;
        assertArrayEquals(new float[] {(5 - 2.53f) / k, (3 - 2.53f) / k, (2 - 1.16f) / k, (1 - 1.16f) / k,
            -0.125f, -0.125f, -0.125f, -0.125f, 0f, 0f, (1 - 15.08f) / 6144f, -0.77f, 0f, 0f}, attrsOut, 1e-7f);
        // reference-compatible: kernel from the weight's dims [-2:], first element 5
        TokenizedGraph ref = new NnlpTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        assertEquals((5 - 2.53f) / k, ref.token(1, 32), 1e-7f);
        assertEquals((2 - 1.16f) / k, ref.token(1, 33), 1e-7f);
    }

    @Test
    void staticFeaturesAreRaw() {
        TokenizedGraph t = new NnlpTokenizer(NetworkTokenizerConfig.defaults().withBatchSize(8))
                .tokenize(HandBuiltGraphs.tinyCnn());
        assertArrayEquals(new float[] {8f, 14944e-9f, 178e-9f, 1028e-9f}, t.staticFeatures(), 1e-12f);
        assertEquals(4, new NnlpTokenizer(NetworkTokenizerConfig.defaults()).staticDim());
    }
}
