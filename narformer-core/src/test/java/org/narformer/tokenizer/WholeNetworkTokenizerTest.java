package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.narformer.tokenizer.HandBuiltGraphs.data;
import static org.narformer.tokenizer.HandBuiltGraphs.input;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;
import org.narformer.onnx.StaticFeatureMode;

class WholeNetworkTokenizerTest {
    private static final float[] ZERO10 = new float[10];

    private static float[] slice(TokenizedGraph t, int node, int from, int length) {
        float[] out = new float[length];
        System.arraycopy(t.tokens(), node * t.tokenDim() + from, out, 0, length);
        return out;
    }

    /** Concatenated PE of each value. */
    private static float[] pe(float... values) {
        float[] out = new float[10 * values.length];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(SinusoidEncoding.encode(values[i]), 0, out, 10 * i, 10);
        }
        return out;
    }

    private static int oneHotIndex(TokenizedGraph t, int node) {
        int index = -1;
        for (int d = 0; d < 32; d++) {
            if (t.token(node, d) != 0) {
                assertEquals(-1, index, "more than one op bit");
                assertEquals(1f, t.token(node, d));
                index = d;
            }
        }
        return index;
    }

    @Test
    void tinyCnnTokensFollowTheReferenceLayout() {
        NetworkGraph g = HandBuiltGraphs.tinyCnn();
        TokenizedGraph t = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        assertEquals(8, t.nodeCount());
        assertEquals(152, t.tokenDim());
        assertArrayEquals(g.symmetricAdjacency(), t.adjacency());

        int x = g.indexOf("x");
        assertEquals(-1, oneHotIndex(t, x));
        assertArrayEquals(new float[80], slice(t, x, 32, 80));
        assertArrayEquals(pe(1, 3, 8, 8), slice(t, x, 112, 40));

        int c = g.indexOf("c");
        assertEquals(0, oneHotIndex(t, c));
        // kernel 3, stride 1, pad 1, dilation 1 (default), group 1 (default), bias 1 (3 inputs), then real zeros
        assertArrayEquals(pe(3, 1, 1, 1, 1, 1), slice(t, c, 32, 60));
        assertArrayEquals(new float[20], slice(t, c, 92, 20));
        assertArrayEquals(pe(1, 4, 8, 8), slice(t, c, 112, 40));

        int p = g.indexOf("p");
        assertEquals(5, oneHotIndex(t, p));
        assertArrayEquals(pe(2, 2, 0), slice(t, p, 32, 30)); // pads default 0 is PE(0), not padding
        assertArrayEquals(new float[50], slice(t, p, 62, 50));

        int y = g.indexOf("y");
        assertEquals(8, oneHotIndex(t, y));
        assertArrayEquals(pe(1), slice(t, y, 32, 10));
        assertArrayEquals(new float[70], slice(t, y, 42, 70));
        assertArrayEquals(pe(1, 10, 0, 0), slice(t, y, 112, 40)); // [1,10] padded with PE(0)

        assertEquals(11, oneHotIndex(t, g.indexOf("bn")));
        assertEquals(7, oneHotIndex(t, g.indexOf("g")));
        assertEquals(14, oneHotIndex(t, g.indexOf("f")));
        assertArrayEquals(ZERO10, slice(t, g.indexOf("bn"), 32, 10));
    }

    @Test
    void staticFeaturesArePeOfBatchAndScaledCounts() {
        NetworkGraph g = HandBuiltGraphs.tinyCnn();
        TokenizedGraph t = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults().withBatchSize(4)).tokenize(g);
        // reference counts of the tiny CNN: 14944 FLOPs, 178 params, 1028 memory access
        assertArrayEquals(pe(4, (float) (14944 / 1e9), (float) (178 / 1e9), (float) (1028 / 1e9)),
                t.staticFeatures());
        TokenizedGraph ext = new WholeNetworkTokenizer(new NetworkTokenizerConfig(1, StaticFeatureMode.EXTENDED,
                false, false)).tokenize(g);
        assertArrayEquals(pe(1, (float) (15248 / 1e9), (float) (170 / 1e9), (float) (1020 / 1e9)),
                ext.staticFeatures());
    }

    @Test
    void matMulIsUnknownInReferenceModeAndCodeEighteenWhenRecognised() {
        NetworkGraph g = HandBuiltGraphs.attentionBlock();
        TokenizedGraph ref = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        TokenizedGraph fixed = new WholeNetworkTokenizer(new NetworkTokenizerConfig(1, StaticFeatureMode.REFERENCE,
                true, false)).tokenize(g);
        for (String mm : List.of("mm", "s")) {
            assertEquals(-1, oneHotIndex(ref, g.indexOf(mm)));
            assertEquals(17, oneHotIndex(fixed, g.indexOf(mm)));
        }
        assertEquals(24, oneHotIndex(ref, g.indexOf("cl")));
        assertEquals(25, oneHotIndex(ref, g.indexOf("sm")));
        assertEquals(-1, oneHotIndex(ref, g.indexOf("ln")));
        assertEquals(-1, oneHotIndex(ref, g.indexOf("e")));
        // a scalar Input: shape [] is padded to four zeros, each PE(0)
        assertArrayEquals(pe(0, 0, 0, 0), slice(ref, g.indexOf("lo"), 112, 40));
        assertArrayEquals(pe(1, 4, 8, 0), slice(ref, g.indexOf("ln"), 112, 40)); // rank 3 → one padded dim
    }

    @Test
    void transposePermFillsAllEightSlotsFunctionMajor() {
        NetworkGraph g = HandBuiltGraphs.attentionBlock();
        TokenizedGraph t = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        int tr = g.indexOf("tr");
        assertEquals(9, oneHotIndex(t, tr));
        float[] perm = {0, 2, 1, 0, 0, 0, 0, 0};
        float[] attrs = slice(t, tr, 32, 80);
        for (int i = 0; i < 8; i++) {
            float[] p = SinusoidEncoding.encode(perm[i]);
            for (int j = 0; j < 5; j++) {
                assertEquals(p[2 * j], attrs[16 * j + i], "sin, freq " + j + ", value " + i);
                assertEquals(p[2 * j + 1], attrs[16 * j + 8 + i], "cos, freq " + j + ", value " + i);
            }
        }
    }

    @Test
    void fullTuplesKeepEveryElementFunctionMajor() {
        NetworkGraph g = HandBuiltGraphs.tinyCnn();
        WholeNetworkTokenizer tokenizer = new WholeNetworkTokenizer(NetworkTokenizerConfig.corrected());
        TokenizedGraph t = tokenizer.tokenize(g);
        assertEquals(212, tokenizer.tokenDim());
        assertEquals(212, t.tokenDim());
        int c = g.indexOf("c");
        float[] expected = new float[140];
        int at = 0;
        // kernel (3,3), strides (1,1), pads (1,1,1,1), dilations default (1,1), group 1, bias 1
        for (float[] tuple : new float[][] {{3, 3}, {1, 1}, {1, 1, 1, 1}, {1, 1}, {1}, {1}}) {
            SinusoidEncoding.encodeTuple(tuple, tuple.length, expected, at);
            at += 10 * tuple.length;
        }
        assertArrayEquals(expected, slice(t, c, 32, 140));
        assertArrayEquals(pe(1, 4, 8, 8), slice(t, c, 172, 40));
        assertArrayEquals(pe(1, 10, 0, 0), slice(t, g.indexOf("y"), 172, 40));
    }

    @Test
    void missingShapeIsReportedWithTheNode() {
        NetworkGraph g = NetworkGraph.builder("noshape")
                .addNode(input("x", 1, 4))
                .addNode(new Node("r", "Relu", Map.of(), List.of(data("x", 1, 4)), TensorShape.UNKNOWN, 0, 1))
                .addEdge("x", "r").build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g));
        assertEquals("noshape: node 'r': output shape is not inferred; whole-network tokens need it",
                e.getMessage());
    }

    @Test
    void configRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkTokenizerConfig(0, StaticFeatureMode.REFERENCE,
                false, false));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTokenizerConfig(1, null, false, false));
        assertEquals(new NetworkTokenizerConfig(1, StaticFeatureMode.REFERENCE, false, false),
                NetworkTokenizerConfig.defaults());
    }
}
