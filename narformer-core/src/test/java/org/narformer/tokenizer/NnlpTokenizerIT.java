package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.narformer.graph.NetworkGraph;

/** The hand-derived NNLP values of {@link NnlpTokenizerTest} on the real ResNet-18 file. */
class NnlpTokenizerIT {

    @Test
    void resnet18FirstConvGemmAndStaticFeatures() {
        NetworkGraph g = WholeNetworkTokenizerIT.read("resnet18-v1-7-no-weight.onnx");
        TokenizedGraph t = new NnlpTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        assertEquals(70, t.nodeCount());
        int conv = -1;
        int gemm = -1;
        for (int i = 0; i < g.nodeCount(); i++) {
            String op = g.node(i).opType();
            if (op.equals("Conv") && conv < 0) {
                conv = i;
            } else if (op.equals("Gemm")) {
                gemm = i;
            }
        }
        assertEquals(1f, t.token(conv, 0));
        assertArrayEquals(NnlpTokenizerTest.FIRST_CONV, NnlpTokenizerTest.tail(t, conv), 1e-7f);
        assertEquals(1f, t.token(gemm, 8));
        assertArrayEquals(NnlpTokenizerTest.GEMM, NnlpTokenizerTest.tail(t, gemm), 1e-7f);
        assertArrayEquals(new float[] {1f, 3.636354048f, 0.011699112f, 0.01993f}, t.staticFeatures());
    }
}
