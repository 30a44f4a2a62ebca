package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;

/** The golden vector of docs/V1-NNLQP-SPEC.md §1.7 (the official V1 feature code run on the shared file). */
class V1NetworkTokenizerIT {
    private static final float TOL = 2e-3f;

    @Test
    void resnet18MatchesTheOfficialFeatureCode() {
        NetworkGraph g = WholeNetworkTokenizerIT.read("resnet18-v1-7-no-weight.onnx");
        V1NetworkTokenizer tokenizer = V1NetworkTokenizer.reference(1);
        TokenizedGraph t = tokenizer.tokenize(g);
        assertEquals(71, t.nodeCount(), "70 nodes and the end token");
        assertEquals(960, t.tokenDim());
        double[] sums = new double[5];
        int[] starts = {0, 64, 576, 832, 896, 960};
        for (int i = 0; i < 70; i++) {
            for (int b = 0; b < 5; b++) {
                for (int d = starts[b]; d < starts[b + 1]; d++) {
                    sums[b] += t.token(i, d);
                }
            }
        }
        assertEquals(664.0559, sums[0], 1e-3, "op");
        assertEquals(1051.3012, sums[1], 1e-3, "attributes");
        assertEquals(882.7056, sums[2], 1e-3, "shape");
        assertEquals(-45.6475, sums[3], 1e-3, "source");
        assertEquals(-20.7128, sums[4], 1e-3, "self");
        double end = 0;
        for (int d = 0; d < 960; d++) {
            end += t.token(70, d);
        }
        assertEquals(-9.08, end, 5e-3, "end token");
        float[] depth = tokenizer.depthEncoding(70);
        double depthSum = 0;
        for (float v : depth) {
            depthSum += v;
        }
        assertEquals(310.2786, depthSum, 1e-3, "depth token");
        assertArrayEquals(new float[] {0.773891f, 0.633319f}, Arrays.copyOf(depth, 2), 1e-6f);
        double statics = 0;
        for (float v : t.staticFeatures()) {
            statics += v;
        }
        assertEquals(9.8282, statics, 1e-3, "static features");
        assertArrayEquals(new float[] {-0.909644f, 0.415388f, 0.931813f, -0.362939f, -0.676383f, -0.73655f},
                Arrays.copyOfRange(t.staticFeatures(), 64, 70), 1e-5f);
        assertArrayEquals(new float[] {0.01589f, 0.999874f, 0.401267f, -0.915961f, -0.735091f, 0.677969f},
                Arrays.copyOfRange(t.tokens(), 70 * 960, 70 * 960 + 6), 1e-5f);
        // node 0 is the input: no op code, no attributes; its source code is nerf32(-1)
        assertArrayEquals(new float[] {0, -1, 0.943137f, -0.332404f, -0.627005f, -0.779015f},
                Arrays.copyOfRange(t.tokens(), 832, 838), 1e-5f);
        // node 1 is the 7x7 convolution: attribute slot 0 = nerf32(7), its self code nerf32(1)
        assertEquals("Conv", g.node(1).opType());
        assertArrayEquals(new float[] {-1.33e-6f, -1, 0.358801f, 0.933414f, 0.66982f, 0.742523f},
                Arrays.copyOfRange(t.tokens(), 960 + 64, 960 + 70), TOL);
        assertArrayEquals(new float[] {-0f, -1, -0.943137f, -0.332404f, 0.627005f, -0.779015f},
                Arrays.copyOfRange(t.tokens(), 960 + 896, 960 + 902), 1e-5f);
    }

    @Test
    void scalarOutputsAreRejectedInReferenceModeAndZeroInLenientMode() {
        NetworkGraph g = WholeNetworkTokenizerIT.read("mobilenet_v2-noweight.onnx");
        BadInputException e = assertThrows(BadInputException.class,
                () -> V1NetworkTokenizer.reference(1).tokenize(g));
        assertTrue(e.getMessage().contains("rank 0"), e.getMessage());
        TokenizedGraph t = V1NetworkTokenizer.lenient(1).tokenize(g);
        assertEquals(g.nodeCount() + 1, t.nodeCount());
    }

    @Test
    void rawStaticAppendsNnlpsFourRawValuesAfterTheEncodedOnes() {
        NetworkGraph g = WholeNetworkTokenizerIT.read("resnet18-v1-7-no-weight.onnx");
        TokenizedGraph encoded = V1NetworkTokenizer.reference(1).tokenize(g);
        V1NetworkTokenizer raw = V1NetworkTokenizer.reference(1).withRawStatic();
        TokenizedGraph t = raw.tokenize(g);
        assertEquals(260, raw.staticDim());
        assertArrayEquals(encoded.staticFeatures(), Arrays.copyOf(t.staticFeatures(), 256));
        assertArrayEquals(new NnlpTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g).staticFeatures(),
                Arrays.copyOfRange(t.staticFeatures(), 256, 260));
        assertEquals(1f, t.staticFeatures()[256], "batch");
        assertArrayEquals(encoded.tokens(), t.tokens());
    }
}
