package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.graph.AttributeValue;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;
import org.narformer.graph.TensorShape;

/** The reference's ONNX → graph rules (onnx_to_networkx.py), one behaviour per test. */
class GraphConstructionTest {

    private static int[] preds(NetworkGraph g, String name) {
        return g.predecessors(g.indexOf(name));
    }

    private static String op(NetworkGraph g, String name) {
        return g.node(g.indexOf(name)).opType();
    }

    @Test
    void convBatchNormGemmConnectOnlyTheirDataInput() {
        OnnxModelBuilder b = OnnxModelBuilder.create("cnn", 9);
        String x = b.input("x", 1, 3, 8, 8);
        String c = b.node("Conv", "conv", List.of(x, b.weight("w", 4, 3, 3, 3), b.weight("bias", 4)),
                Map.of("pads", AttributeValue.Ints.of(1, 1, 1, 1)));
        String bn = b.node("BatchNormalization", "bn", List.of(c, b.weight("s", 4), b.weight("o", 4),
                b.weight("m", 4), b.weight("v", 4)), Map.of());
        String f = b.node("Flatten", "flat", List.of(bn), Map.of());
        b.output(b.node("Gemm", "fc", List.of(f, b.weight("fw", 10, 256), b.weight("fb", 10)),
                Map.of("transB", new AttributeValue.Int(1))));
        NetworkGraph g = b.build().toGraph();
        assertEquals(List.of("x", "conv", "bn", "flat", "fc"), g.nodes().stream().map(Node::name).toList());
        assertEquals(4, g.edgeCount());
        Node conv = g.node(1);
        assertEquals(TensorShape.of(1, 4, 8, 8), conv.outputShape());
        assertEquals(List.of(new Operand("x", TensorShape.of(1, 3, 8, 8), false),
                new Operand("w", TensorShape.of(4, 3, 3, 3), true), new Operand("bias", TensorShape.of(4), true)),
                conv.inputs());
        // kernel_shape absent from the file is filled from the weight (documented deviation)
        assertEquals(AttributeValue.Ints.of(3, 3), conv.attributes().get("kernel_shape"));
        assertEquals(5, g.node(2).inputs().size());
        assertEquals(TensorShape.of(1, 10), g.node(4).outputShape());
    }

    @Test
    void computedConvWeightIsConnected() {
        OnnxModelBuilder b = OnnxModelBuilder.create("dyn", 13);
        String x = b.input("x", 1, 2, 5, 5);
        String w = b.node("Relu", "w_act", List.of(b.weight("w", 3, 2, 1, 1)), Map.of());
        b.output(b.node("Conv", "conv", List.of(x, w), Map.of()));
        NetworkGraph g = b.build().toGraph();
        // w (initializer) → Relu → Conv; x → Conv
        assertEquals(2, preds(g, "conv").length);
        assertEquals("Input", op(g, "w"));
        assertFalse(g.node(g.indexOf("conv")).inputs().get(1).constant());
    }

    @Test
    void constantsAndInitializersFeedingElementwiseOpsBecomeInputNodes() {
        OnnxModelBuilder b = OnnxModelBuilder.create("clip", 11);
        String x = b.input("x", 1, 4);
        String lo = b.constant("lo", new long[0], new float[] {0f});
        String hi = b.constant("hi", new long[0], new float[] {6f});
        String clip = b.node("Clip", "clip", List.of(x, lo, hi), Map.of());
        b.constant("unused", new long[0], new float[] {1f});
        String shape = b.constant("shape", new long[] {2}, new long[] {2, 2});
        String r = b.node("Reshape", "r", List.of(clip, shape), Map.of());
        b.output(b.node("Add", "sum", List.of(r, b.weight("bias", 2)), Map.of()));
        NetworkGraph g = b.build().toGraph();
        assertEquals(Map.of("Input", 4, "Clip", 1, "Reshape", 1, "Add", 1), g.opHistogram());
        assertEquals("Input", op(g, "lo"));
        assertEquals("Input", op(g, "bias"));
        assertEquals(-1, g.indexOf("unused")); // no successors: deleted
        assertEquals(-1, g.indexOf("shape"));  // a parameter Reshape target is not an edge: deleted
        assertTrue(g.node(g.indexOf("r")).inputs().get(1).constant());
        assertEquals(TensorShape.of(2, 2), g.node(g.indexOf("r")).outputShape());
    }

    /** PyTorch's shared-weight Identity nodes, in the reference mode and in the corrected mode. */
    @Test
    void identityOfAnInitializer() {
        OnnxModelBuilder b = OnnxModelBuilder.create("shared", 11);
        String x = b.input("x", 1, 2, 4, 2);
        String bias = b.weight("bias", 2);
        String id1 = b.node("Identity", "bias_1", List.of(bias), Map.of());
        String id2 = b.node("Identity", "bias_2", List.of(bias), Map.of());
        String c1 = b.node("Conv", "c1", List.of(x, b.weight("w1", 2, 2, 1, 1), id1), Map.of());
        String c2 = b.node("Conv", "c2", List.of(c1, b.weight("w2", 2, 2, 1, 1), id2), Map.of());
        b.output(b.node("Add", "sum", List.of(c2, id1), Map.of()));
        OnnxModel model = b.build();

        NetworkGraph ref = model.toGraph();
        // reference: each Identity is a node fed by an extra Input node; bias_2 only feeds a bias → dangles
        assertEquals(Map.of("Input", 2, "Identity", 2, "Conv", 2, "Add", 1), ref.opHistogram());
        assertArrayEquals(new int[] {ref.indexOf("bias")}, preds(ref, "bias_2"));
        assertEquals(0, ref.successors(ref.indexOf("bias_2")).length);
        Operand sharedBias = ref.node(ref.indexOf("c2")).inputs().get(2);
        assertEquals(new Operand("bias_2", TensorShape.of(2), true), sharedBias);

        NetworkGraph folded = model.toGraph(OnnxImportConfig.defaults().withFoldConstantIdentities(true));
        // corrected: Identity of a parameter is a parameter; bias_1 feeds Add so it is an Input node
        assertEquals(Map.of("Input", 2, "Conv", 2, "Add", 1), folded.opHistogram());
        assertEquals("Input", op(folded, "bias_1"));
        assertEquals(-1, folded.indexOf("bias_2"));
        assertEquals(-1, folded.indexOf("bias"));
    }

    @Test
    void multiOutputOperatorsGiveOneNodePerOutput() {
        OnnxModelBuilder b = OnnxModelBuilder.create("split", 13);
        String x = b.input("x", 1, 6, 4);
        List<String> parts = b.node("Split", List.of("p0", "p1", "p2"), List.of(x,
                b.initializer("sizes", new long[] {3}, new long[] {1, 2, 3})), Map.of("axis",
                new AttributeValue.Int(1)));
        b.output(b.node("Concat", "cat", List.of(parts.get(2), parts.get(0)), Map.of("axis",
                new AttributeValue.Int(1))));
        b.output(parts.get(1));
        NetworkGraph g = b.build().toGraph();
        Node p1 = g.node(g.indexOf("p1"));
        assertEquals(1, p1.outputIndex());
        assertEquals(3, p1.outputCount());
        assertEquals(TensorShape.of(1, 2, 4), p1.outputShape());
        assertEquals(TensorShape.of(1, 4, 4), g.node(g.indexOf("cat")).outputShape());
        // Split connects all inputs: the sizes initializer is an Input feeding every output
        assertEquals(3, g.successors(g.indexOf("sizes")).length);
        assertEquals(3, g.successors(g.indexOf("x")).length);
    }

    @Test
    void aSourceThatIsNoParameterIsDeletedWithoutCascade() {
        OnnxModelBuilder b = OnnxModelBuilder.create("rand", 13);
        String x = b.input("x", 2, 3);
        String noise = b.node("RandomNormal", "noise", List.of(), Map.of("shape", AttributeValue.Ints.of(2, 3)));
        String relu = b.node("Relu", "relu", List.of(noise), Map.of());
        b.output(b.node("Add", "sum", List.of(x, relu), Map.of()));
        NetworkGraph g = b.build().toGraph();
        assertEquals(TensorShape.of(2, 3), g.node(g.indexOf("sum")).outputShape());
        assertEquals(-1, g.indexOf("noise"));
        // relu lost its only predecessor but stays (the reference makes one pass)
        assertEquals(0, preds(g, "relu").length);
        assertEquals("Relu", op(g, "relu"));
    }
}
