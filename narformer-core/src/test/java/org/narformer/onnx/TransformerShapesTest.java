package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.graph.AttributeValue;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;

/** A BERT-style encoder layer built with {@link OnnxModelBuilder} imports with the right shapes. */
class TransformerShapesTest {
    private static final int SEQ = 16;
    private static final int D = 64;
    private static final int HEADS = 4;

    private static Map<String, AttributeValue> ints(String key, long... v) {
        return Map.of(key, AttributeValue.Ints.of(v));
    }

    private static Map<String, AttributeValue> one(String key, long v) {
        return Map.of(key, new AttributeValue.Int(v));
    }

    /** LayerNorm decomposed as PyTorch exports it at opset ≤ 16: ReduceMean, Sub, Pow, Sqrt, Div, Mul, Add. */
    private static String decomposedLayerNorm(OnnxModelBuilder b, String x, String p) {
        String mean = b.node("ReduceMean", p + "mean", List.of(x), ints("axes", -1));
        String centered = b.node("Sub", p + "centered", List.of(x, mean), Map.of());
        String two = b.initializer(p + "two", new long[0], new float[] {2f});
        String sq = b.node("Pow", p + "sq", List.of(centered, two), Map.of());
        String var = b.node("ReduceMean", p + "var", List.of(sq), ints("axes", -1));
        String eps = b.constant(p + "eps", new long[0], new float[] {1e-5f});
        String std = b.node("Sqrt", p + "std", List.of(b.node("Add", p + "vareps", List.of(var, eps), Map.of())),
                Map.of());
        String normed = b.node("Div", p + "normed", List.of(centered, std), Map.of());
        String scaled = b.node("Mul", p + "scaled", List.of(normed, b.weight(p + "gamma", D)), Map.of());
        return b.node("Add", p + "out", List.of(scaled, b.weight(p + "beta", D)), Map.of());
    }

    /** [1, SEQ, D] → [1, HEADS, SEQ, D/HEADS] through a Shape/Gather/Unsqueeze/Concat/Reshape chain. */
    private static String splitHeads(OnnxModelBuilder b, String x, String p) {
        String shape = b.node("Shape", p + "shape", List.of(x), Map.of());
        String i0 = b.initializer(p + "i0", new long[0], new long[] {0});
        String i1 = b.initializer(p + "i1", new long[0], new long[] {1});
        String batch = b.node("Gather", p + "batch", List.of(shape, i0), one("axis", 0));
        String seq = b.node("Gather", p + "seq", List.of(shape, i1), one("axis", 0));
        String axes0 = b.initializer(p + "axes0", new long[] {1}, new long[] {0});
        String ub = b.node("Unsqueeze", p + "ub", List.of(batch, axes0), Map.of());
        String us = b.node("Unsqueeze", p + "us", List.of(seq, axes0), Map.of());
        String rest = b.constant(p + "rest", new long[] {2}, new long[] {HEADS, D / HEADS});
        String target = b.node("Concat", p + "target", List.of(ub, us, rest), one("axis", 0));
        String r = b.node("Reshape", p + "reshaped", List.of(x, target), Map.of());
        return b.node("Transpose", p + "heads", List.of(r), ints("perm", 0, 2, 1, 3));
    }

    static OnnxModel encoderLayer() {
        OnnxModelBuilder b = OnnxModelBuilder.create("encoder", 13);
        String ids = b.input("ids", OnnxDataType.INT64, 1, SEQ);
        String emb = b.node("Gather", "emb", List.of(b.weight("table", 1000, D), ids), one("axis", 0));
        String pos = b.node("Add", "pos", List.of(emb, b.weight("positions", SEQ, D)), Map.of());
        String h = decomposedLayerNorm(b, pos, "ln1_");
        String q = splitHeads(b, b.node("MatMul", "q", List.of(h, b.weight("wq", D, D)), Map.of()), "q_");
        String k = splitHeads(b, b.node("MatMul", "k", List.of(h, b.weight("wk", D, D)), Map.of()), "k_");
        String v = splitHeads(b, b.node("MatMul", "v", List.of(h, b.weight("wv", D, D)), Map.of()), "v_");
        String kt = b.node("Transpose", "kt", List.of(k), ints("perm", 0, 1, 3, 2));
        String scores = b.node("MatMul", "scores", List.of(q, kt), Map.of());
        String scale = b.initializer("scale", new long[0], new float[] {4f});
        String probs = b.node("Softmax", "probs", List.of(b.node("Div", "scaled_scores", List.of(scores, scale),
                Map.of())), one("axis", -1));
        String ctx = b.node("MatMul", "ctx", List.of(probs, v), Map.of());
        String merged = b.node("Transpose", "merged", List.of(ctx), ints("perm", 0, 2, 1, 3));
        String flat = b.node("Reshape", "flat", List.of(merged,
                b.initializer("flat_shape", new long[] {3}, new long[] {0, -1, D})), Map.of());
        String attn = b.node("Add", "attn_res", List.of(pos, flat), Map.of());
        // FFN with exact GELU: x * 0.5 * (1 + erf(x / sqrt 2))
        String up = b.node("Add", "up", List.of(b.node("MatMul", "up_mm", List.of(attn, b.weight("w1", D, 4 * D)),
                Map.of()), b.weight("b1", 4 * D)), Map.of());
        String erf = b.node("Erf", "erf", List.of(b.node("Div", "up_div", List.of(up,
                b.initializer("sqrt2", new long[0], new float[] {1.4142135f})), Map.of())), Map.of());
        String onePlus = b.node("Add", "one_plus", List.of(erf, b.initializer("one", new long[0], new float[] {1f})),
                Map.of());
        String gelu = b.node("Mul", "gelu", List.of(b.node("Mul", "gelu_x", List.of(up, onePlus), Map.of()),
                b.initializer("half", new long[0], new float[] {0.5f})), Map.of());
        String down = b.node("MatMul", "down", List.of(gelu, b.weight("w2", 4 * D, D)), Map.of());
        String res = b.node("Add", "ffn_res", List.of(attn, down), Map.of());
        // the first token through Slice + Squeeze, and a mask path through Cast / Equal / Where / Expand
        String cls = b.node("Slice", "cls", List.of(res, b.initializer("s_start", new long[] {1}, new long[] {0}),
                b.initializer("s_end", new long[] {1}, new long[] {1}),
                b.initializer("s_axes", new long[] {1}, new long[] {1})), Map.of());
        String pooled = b.node("Squeeze", "pooled", List.of(cls, b.initializer("sq_axes", new long[] {1},
                new long[] {1})), Map.of());
        String mask = b.node("Equal", "mask", List.of(ids, b.initializer("pad_id", new long[0], new long[] {0})),
                Map.of());
        String maskF = b.node("Cast", "mask_f", List.of(mask), one("to", OnnxDataType.FLOAT.code()));
        String zeros = b.node("ConstantOfShape", "zeros", List.of(b.initializer("zshape", new long[] {2},
                new long[] {1, SEQ})), Map.of());
        String chosen = b.node("Where", "chosen", List.of(mask, zeros, maskF), Map.of());
        String expanded = b.node("Expand", "expanded", List.of(b.node("Unsqueeze", "mask3", List.of(chosen,
                b.initializer("m_axes", new long[] {1}, new long[] {2})), Map.of()),
                b.initializer("e_shape", new long[] {3}, new long[] {1, SEQ, D})), Map.of());
        String masked = b.node("Mul", "masked", List.of(res, expanded), Map.of());
        b.output(pooled).output(masked);
        return b.build();
    }

    private static TensorShape shape(NetworkGraph g, String node) {
        int i = g.indexOf(node);
        assertTrue(i >= 0, "no node " + node);
        return g.node(i).outputShape();
    }

    @Test
    void encoderLayerShapes() {
        NetworkGraph g = OnnxModel.fromBytes(encoderLayer().toBytes(), "encoder").toGraph();
        assertEquals(TensorShape.of(1, SEQ, D), shape(g, "emb"));
        assertEquals(TensorShape.of(1, SEQ, 1), shape(g, "ln1_mean"));
        assertEquals(TensorShape.of(1, SEQ, D), shape(g, "ln1_out"));
        assertEquals(TensorShape.of(4), shape(g, "q_target"));
        assertEquals(TensorShape.of(1, HEADS, SEQ, D / HEADS), shape(g, "q_heads"));
        assertEquals(TensorShape.of(1, HEADS, D / HEADS, SEQ), shape(g, "kt"));
        assertEquals(TensorShape.of(1, HEADS, SEQ, SEQ), shape(g, "probs"));
        assertEquals(TensorShape.of(1, SEQ, D), shape(g, "flat"));
        assertEquals(TensorShape.of(1, SEQ, 4 * D), shape(g, "gelu"));
        assertEquals(TensorShape.of(1, SEQ, D), shape(g, "ffn_res"));
        assertEquals(TensorShape.of(1, D), shape(g, "pooled"));
        assertEquals(TensorShape.of(1, SEQ), shape(g, "chosen"));
        assertEquals(TensorShape.of(1, SEQ, D), shape(g, "masked"));
        for (Node n : g.nodes()) {
            assertTrue(n.outputShape().isKnown(), n.name());
        }
    }

    @Test
    void batchSizePropagatesThroughTheShapeChain() {
        NetworkGraph g = encoderLayer().toGraph(OnnxImportConfig.defaults().withBatchSize(3));
        assertEquals(TensorShape.of(3, HEADS, SEQ, D / HEADS), shape(g, "q_heads"));
        assertEquals(TensorShape.of(3, SEQ, D), shape(g, "flat"));
        assertEquals(TensorShape.of(3, D), shape(g, "pooled"));
    }

    @Test
    void referenceEdgeRulesOnTheEncoder() {
        NetworkGraph g = encoderLayer().toGraph();
        // MatMul connects both inputs, so its weight becomes an Input node (reference behaviour)
        assertEquals("Input", g.node(g.indexOf("wq")).opType());
        // Shape-chain nodes stay; a computed Reshape target is connected
        int target = g.indexOf("q_target");
        int reshaped = g.indexOf("q_reshaped");
        assertTrue(java.util.Arrays.stream(g.predecessors(reshaped)).anyMatch(p -> p == target));
        // a constant Reshape target is not a node
        assertEquals(-1, g.indexOf("flat_shape"));
        // a Constant feeding Concat becomes an Input node named by the Constant's output
        assertEquals("Input", g.node(g.indexOf("q_rest")).opType());
        // ConstantOfShape connects input 0 only; its initializer is an Input
        assertEquals("Input", g.node(g.indexOf("zshape")).opType());
    }

    @Test
    void layerNormalizationOperatorAndItsStatistics() {
        OnnxModelBuilder b = OnnxModelBuilder.create("ln", 17);
        String x = b.input("x", 2, 8, 32);
        List<String> outs = b.node("LayerNormalization", List.of("y", "mean", "inv_std"),
                List.of(x, b.weight("g", 32), b.weight("b", 32)), Map.of("axis", new AttributeValue.Int(-1)));
        b.output(outs.get(0));
        NetworkGraph g = b.build().toGraph();
        assertEquals(TensorShape.of(1, 8, 32), shape(g, "y"));
        assertEquals(TensorShape.of(1, 8, 1), shape(g, "mean"));
        Node y = g.node(g.indexOf("y"));
        assertEquals(0, y.outputIndex());
        assertEquals(3, y.outputCount());
        // unknown to the reference: weights are not connected (documented deviation), so 1 Input + 3 outputs
        assertEquals(4, g.nodeCount());
        assertTrue(y.inputs().get(1).constant());
    }
}
