package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.onnx.proto.OnnxMl.TensorProto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.graph.AttributeValue;
import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;

/** Builder → bytes → importer round trips, random weights, atomic writes. */
class OnnxModelTest {

    /** conv-bn-relu, a residual add, pool, fc: a ResNet basic block in miniature (opset 8, like resnet18-v1-7). */
    static OnnxModel miniResNet() {
        OnnxModelBuilder b = OnnxModelBuilder.create("mini-resnet", 8);
        String x = b.input("data", 1, 3, 16, 16);
        String c = b.node("Conv", "conv0", List.of(x, b.weight("conv0.w", 8, 3, 3, 3)),
                Map.of("kernel_shape", AttributeValue.Ints.of(3, 3), "pads", AttributeValue.Ints.of(1, 1, 1, 1)));
        String bn = b.node("BatchNormalization", "bn0", List.of(c, b.weight("bn0.s", 8), b.weight("bn0.b", 8),
                b.weight("bn0.m", 8), b.weight("bn0.v", 8)), Map.of("epsilon", new AttributeValue.Float(1e-5)));
        String r = b.node("Relu", "relu0", List.of(bn), Map.of());
        String c1 = b.node("Conv", "conv1", List.of(r, b.weight("conv1.w", 8, 8, 3, 3)),
                Map.of("kernel_shape", AttributeValue.Ints.of(3, 3), "pads", AttributeValue.Ints.of(1, 1, 1, 1)));
        String sum = b.node("Add", "add0", List.of(c1, r), Map.of());
        String pool = b.node("GlobalAveragePool", "gap", List.of(b.node("Relu", "relu1", List.of(sum), Map.of())),
                Map.of());
        String flat = b.node("Flatten", "flat", List.of(pool), Map.of());
        b.output(b.node("Gemm", "fc", List.of(flat, b.weight("fc.w", 10, 8), b.weight("fc.b", 10)),
                Map.of("transB", new AttributeValue.Int(1))));
        return b.build();
    }

    @Test
    void builderBytesImportToTheExpectedGraph() {
        NetworkGraph g = OnnxImporter.read(miniResNet().toBytes(), "mini");
        assertEquals("mini", g.name());
        assertEquals(List.of("data", "conv0", "bn0", "relu0", "conv1", "add0", "relu1", "gap", "flat", "fc"),
                g.nodes().stream().map(Node::name).toList());
        assertEquals(List.of(new Edge(0, 1), new Edge(1, 2), new Edge(2, 3), new Edge(3, 4), new Edge(3, 5),
                new Edge(4, 5), new Edge(5, 6), new Edge(6, 7), new Edge(7, 8), new Edge(8, 9)), g.edges());
        assertEquals(TensorShape.of(1, 8, 16, 16), g.node(5).outputShape());
        assertEquals(TensorShape.of(1, 8, 1, 1), g.node(7).outputShape());
        assertEquals(TensorShape.of(1, 10), g.node(9).outputShape());
        assertEquals(new AttributeValue.Float((float) 1e-5), g.node(2).attributes().get("epsilon"));
        assertEquals(AttributeValue.Ints.of(1, 1, 1, 1), g.node(1).attributes().get("pads"));
    }

    @Test
    void builtOutputsDeclareTheirInferredShape() {
        var out = miniResNet().proto().getGraph().getOutput(0);
        assertEquals("fc", out.getName());
        assertEquals(2, out.getType().getTensorType().getShape().getDimCount());
        assertEquals(10, out.getType().getTensorType().getShape().getDim(1).getDimValue());
    }

    @Test
    void randomWeightsFillStrippedInitializersDeterministically() {
        OnnxModel stripped = miniResNet();
        assertEquals(8, stripped.strippedInitializerCount());
        OnnxModel a = stripped.withRandomWeights(7);
        OnnxModel b = stripped.withRandomWeights(7);
        OnnxModel c = stripped.withRandomWeights(8);
        assertEquals(0, a.strippedInitializerCount());
        assertArrayEquals(a.toBytes(), b.toBytes());
        assertFalse(java.util.Arrays.equals(a.toBytes(), c.toBytes()));
        for (TensorProto t : a.proto().getGraph().getInitializerList()) {
            long count = TensorInfo.count(TensorData.dims(t));
            assertEquals(count * 4, t.getRawData().size(), t.getName());
            double[] v = TensorData.smallValues(t);
            assertNotNull(v);
            double bound = t.getName().equals("bn0.v") ? 1.5 : 1 / Math.sqrt(Math.max(1,
                    count / t.getDims(0)));
            for (double d : v) {
                assertTrue(Math.abs(d) <= bound, t.getName() + " " + d);
                if (t.getName().equals("bn0.v")) {
                    assertTrue(d >= 0.5, "variance must stay positive");
                }
            }
        }
        // weights do not change the graph
        assertEquals(stripped.toGraph().nodes(), a.toGraph().nodes());
    }

    @Test
    void writeIsAtomicAndReadable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/model.onnx");
        OnnxModel m = miniResNet();
        m.write(file);
        m.write(file); // overwrite
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file left behind");
        }
        OnnxModel back = OnnxModel.read(file);
        assertEquals(file.toString(), back.source());
        assertEquals(8, back.opsetVersion());
        assertEquals(m.toGraph().nodes(), back.toGraph().nodes());
        assertEquals(m.toGraph().edges(), back.toGraph().edges());
    }

    @Test
    void inferShapesCoversEveryTensor() {
        Map<String, TensorShape> shapes = miniResNet().inferShapes(4);
        assertEquals(TensorShape.of(4, 3, 16, 16), shapes.get("data"));
        assertEquals(TensorShape.of(10, 8), shapes.get("fc.w"));
        assertEquals(TensorShape.of(4, 10), shapes.get("fc"));
    }

    @Test
    void inputAndOutputSpecsAndBatchRewrite() {
        OnnxModel m = miniResNet();
        assertEquals(List.of(new OnnxTensorSpec("data", OnnxDataType.FLOAT, TensorShape.of(2, 3, 16, 16))),
                m.inputs(2));
        assertEquals(List.of(new OnnxTensorSpec("fc", OnnxDataType.FLOAT, TensorShape.of(2, 10))), m.outputs(2));
        OnnxModel eight = OnnxModel.fromBytes(m.withBatchSize(8).toBytes(), "eight");
        var declared = eight.proto().getGraph();
        assertEquals(8, declared.getInput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
        assertEquals(8, declared.getOutput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
        assertEquals(TensorShape.of(8, 10), eight.outputs(8).get(0).shape());
        assertEquals(m.toGraph(new OnnxImportConfig(8, false)).nodes(), eight.toGraph(new OnnxImportConfig(8,
                false)).nodes());
    }

    @Test
    void builderMisuseIsAProgrammingError() {
        OnnxModelBuilder b = OnnxModelBuilder.create("m", 13);
        b.input("x", 1, 2);
        assertThrows(IllegalArgumentException.class, () -> b.input("x", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> b.node("Relu", "y", List.of("nope"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> b.output("nope"));
        assertThrows(IllegalArgumentException.class, () -> OnnxModelBuilder.create("m", 6));
        assertThrows(IllegalArgumentException.class, () -> new OnnxImportConfig(0, false));
    }
}
