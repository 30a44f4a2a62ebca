package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;
import org.narformer.graph.AttributeValue;

/** Every kind of bad ONNX input fails with a one-line {@link BadInputException} naming the file and node. */
class OnnxImportErrorsTest {
    @TempDir
    Path dir;

    private static OnnxModelBuilder tiny() {
        OnnxModelBuilder b = OnnxModelBuilder.create("tiny", 13);
        String x = b.input("x", 1, 3, 8, 8);
        String c = b.node("Conv", "conv", List.of(x, b.weight("w", 4, 3, 3, 3)), Map.of());
        b.output(b.node("Relu", "relu", List.of(c), Map.of()));
        return b;
    }

    private BadInputException importFails(Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxImporter.read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        return e;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void missingFile() {
        BadInputException e = importFails(dir.resolve("absent.onnx"));
        assertEquals("no such file", e.problem());
    }

    @Test
    void notAnOnnxFile() throws IOException {
        Path p = write("text.onnx", "GraphID OnnxPath BatchSize Latency\n00001 a.onnx 1 2.0\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(importFails(p).problem().contains("not an ONNX model"));
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] full = tiny().toBytes();
        for (int cut : new int[] {full.length / 2, full.length - 3, 5}) {
            Path p = write("cut" + cut + ".onnx", Arrays.copyOf(full, cut));
            String problem = importFails(p).problem();
            assertTrue(problem.contains("truncated") || problem.contains("not an ONNX model"), problem);
        }
    }

    @Test
    void emptyGraph() throws IOException {
        ModelProto m = tiny().build().proto().toBuilder().setGraph(GraphProto.newBuilder().setName("empty")).build();
        assertEquals("the graph has no nodes", importFails(write("empty.onnx", m.toByteArray())).problem());
    }

    @Test
    void cycleNamesANodeOnTheCycle() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("cyclic", 13);
        String x = b.input("x", 1, 4);
        b.node("Relu", "pre", List.of(x), Map.of());
        ModelProto base = b.buildUnchecked().proto();
        GraphProto g = base.getGraph().toBuilder()
                .addNode(NodeProto.newBuilder().setName("a").setOpType("Add").addInput("pre").addInput("b")
                        .addOutput("a"))
                .addNode(NodeProto.newBuilder().setName("b").setOpType("Relu").addInput("a").addOutput("b"))
                .build();
        BadInputException e = importFails(write("cycle.onnx", base.toBuilder().setGraph(g).build().toByteArray()));
        assertTrue(e.location().orElseThrow().equals("node 'a' (Add)") || e.location().orElseThrow()
                .equals("node 'b' (Relu)"), e.getMessage());
        assertEquals("the graph has a cycle through this node", e.problem());
    }

    @Test
    void uninferableOperatorNamesTheNode() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("nz", 13);
        String x = b.input("x", 1, 4);
        b.output(b.node("NonZero", "nz", List.of(x), Map.of()));
        BadInputException e = importFails(write("nz.onnx", b.buildUnchecked().toBytes()));
        assertEquals("node 'nz' (NonZero)", e.location().orElseThrow());
        assertTrue(e.problem().startsWith("cannot infer the output shape"), e.problem());
    }

    @Test
    void reshapeWithADataDependentTargetNamesTheNode() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("dyn", 13);
        String x = b.input("x", 1, 4);
        String target = b.input("target", OnnxDataType.INT64, 2);
        b.output(b.node("Reshape", "r", List.of(x, target), Map.of()));
        BadInputException e = importFails(write("dyn.onnx", b.buildUnchecked().toBytes()));
        assertEquals("node 'r' (Reshape)", e.location().orElseThrow());
        assertTrue(e.problem().contains("not a constant"), e.problem());
    }

    @Test
    void shapeMismatchIsAnInvalidOperator() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("bad", 13);
        String x = b.input("x", 1, 4);
        b.output(b.node("Add", "sum", List.of(x, b.weight("w", 3)), Map.of()));
        BadInputException e = importFails(write("bad.onnx", b.buildUnchecked().toBytes()));
        assertEquals("node 'sum' (Add)", e.location().orElseThrow());
        assertTrue(e.problem().contains("do not broadcast"), e.problem());
        // the builder refuses the same graph when it is built
        assertThrows(BadInputException.class, b::build);
    }

    @Test
    void malformedAttributesAreBadInputNotCrashes() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("zero", 13);
        String x = b.input("x", 1, 2, 4, 4);
        b.output(b.node("MaxPool", "pool", List.of(x), Map.of("kernel_shape", AttributeValue.Ints.of(2, 2),
                "strides", AttributeValue.Ints.of(0, 0))));
        BadInputException e = importFails(write("zero.onnx", b.buildUnchecked().toBytes()));
        assertEquals("node 'pool' (MaxPool)", e.location().orElseThrow());
        assertTrue(e.problem().startsWith("invalid operator"), e.problem());
    }

    @Test
    void controlCharactersInNamesStayOnOneLine() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("ctl", 13);
        String x = b.input("x", 1, 4);
        b.output(b.node("Nope", "line\nbreak", List.of(x), Map.of()));
        BadInputException e = importFails(write("ctl.onnx", b.buildUnchecked().toBytes()));
        assertTrue(e.getMessage().contains("node 'line\\u000abreak' (Nope)"), e.getMessage());
    }

    @Test
    void negativeShapeIsBadInput() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("neg", 13);
        b.output(b.node("ConstantOfShape", "fill", List.of(b.initializer("neg", new long[] {2},
                new long[] {-2, 3})), Map.of()));
        BadInputException e = importFails(write("neg.onnx", b.buildUnchecked().toBytes()));
        assertEquals("node 'fill' (ConstantOfShape)", e.location().orElseThrow());
    }

    @Test
    void danglingInputNamesTheNode() throws IOException {
        ModelProto base = tiny().build().proto();
        GraphProto g = base.getGraph().toBuilder().addNode(NodeProto.newBuilder().setName("m").setOpType("Mul")
                .addInput("relu").addInput("ghost").addOutput("m")).build();
        BadInputException e = importFails(write("dangling.onnx", base.toBuilder().setGraph(g).build().toByteArray()));
        assertEquals("node 'm' (Mul)", e.location().orElseThrow());
        assertTrue(e.problem().contains("'ghost'"), e.problem());
    }

    @Test
    void symbolicNonBatchInputDimension() throws IOException {
        ModelProto base = tiny().build().proto();
        GraphProto.Builder g = base.getGraph().toBuilder();
        g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(2)
                .clearDimValue().setDimParam("height");
        BadInputException e = importFails(write("sym.onnx", base.toBuilder().setGraph(g).build().toByteArray()));
        assertEquals("graph input 'x'", e.location().orElseThrow());
        assertTrue(e.problem().contains("'height'"), e.problem());
    }

    @Test
    void symbolicBatchDimensionIsForced() throws IOException {
        ModelProto base = tiny().build().proto();
        GraphProto.Builder g = base.getGraph().toBuilder();
        g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0)
                .clearDimValue().setDimParam("N");
        Path p = write("batch.onnx", base.toBuilder().setGraph(g).build().toByteArray());
        assertEquals("[2x4x6x6]", OnnxImporter.read(p, OnnxImportConfig.defaults().withBatchSize(2))
                .node(2).outputShape().toString());
    }

    @Test
    void valueInfoIsTheFallbackForAnOperatorWithoutARule() throws IOException {
        OnnxModelBuilder b = OnnxModelBuilder.create("custom", 13);
        String x = b.input("x", 1, 4);
        b.output(b.node("MyCustomOp", "y", List.of(x), Map.of("k", new AttributeValue.Int(2))));
        ModelProto m = b.buildUnchecked().proto();
        GraphProto.Builder g = m.getGraph().toBuilder();
        g.getOutputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .addDim(ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                .addDim(ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(8));
        Path p = write("custom.onnx", m.toBuilder().setGraph(g).build().toByteArray());
        assertEquals("[1x8]", OnnxImporter.read(p).node(1).outputShape().toString());
        // at another batch size the declared shape is stale, so it is not used
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxImporter.read(p, OnnxImportConfig.defaults().withBatchSize(4)));
        assertEquals("node 'y' (MyCustomOp)", e.location().orElseThrow());
    }

    @Test
    void initializerDataThatDoesNotMatchItsShape() throws IOException {
        ModelProto base = tiny().build().proto();
        GraphProto.Builder g = base.getGraph().toBuilder();
        g.getInitializerBuilder(0).setRawData(com.google.protobuf.ByteString.copyFrom(new byte[12]));
        BadInputException e = importFails(write("data.onnx", base.toBuilder().setGraph(g).build().toByteArray()));
        assertEquals("initializer 'w'", e.location().orElseThrow());
    }
}
