package org.narformer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import com.google.protobuf.ByteString;

import org.narformer.BadInputException;
import org.narformer.graph.AttributeValue;

/**
 * Builds an ONNX model in code: graph inputs, initializers (weight-stripped or with data), operator nodes,
 * outputs. Every method returns the tensor name it created so calls chain naturally:
 *
 * <pre>{@code
 * OnnxModelBuilder b = OnnxModelBuilder.create("tiny", 13);
 * String x = b.input("x", 1, 3, 32, 32);
 * String y = b.node("Conv", "conv1", List.of(x, b.weight("conv1.w", 16, 3, 3, 3)),
 *         Map.of("pads", AttributeValue.Ints.of(1, 1, 1, 1)));
 * b.output(b.node("Relu", "relu1", List.of(y), Map.of()));
 * b.build().withRandomWeights(42).write(Path.of("tiny.onnx"));
 * }</pre>
 *
 * {@link #build()} checks the graph (topological order, shape inference at batch 1) and declares each
 * output's inferred type and shape, so a generator learns about a wrong graph when it builds it, not when
 * ONNX Runtime loads it. Misuse (a name used twice, an unknown input) is an
 * {@link IllegalArgumentException}.
 */
public final class OnnxModelBuilder {
    private final String name;
    private final int opset;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> tensors = new HashSet<>();
    private final List<String> outputs = new java.util.ArrayList<>();

    private OnnxModelBuilder(String name, int opset) {
        this.name = name;
        this.opset = opset;
        graph.setName(name);
    }

    /**
     * @param graphName    the graph's name, also how error messages name the model
     * @param opsetVersion the default-domain opset (7..21)
     */
    public static OnnxModelBuilder create(String graphName, int opsetVersion) {
        if (opsetVersion < 7 || opsetVersion > 21) {
            throw new IllegalArgumentException("opset " + opsetVersion + " is outside 7..21");
        }
        return new OnnxModelBuilder(graphName, opsetVersion);
    }

    /** A float graph input of the given static shape. */
    public String input(String tensor, long... dims) {
        return input(tensor, OnnxDataType.FLOAT, dims);
    }

    public String input(String tensor, OnnxDataType type, long... dims) {
        claim(tensor);
        graph.addInput(valueInfo(tensor, type.code(), dims));
        return tensor;
    }

    /** A float initializer with dims but no data (the "no-weight" convention); fill with {@link OnnxModel#withRandomWeights}. */
    public String weight(String tensor, long... dims) {
        claim(tensor);
        graph.addInitializer(tensor(tensor, OnnxDataType.FLOAT, dims, ByteString.EMPTY));
        return tensor;
    }

    /** A float initializer with data. */
    public String initializer(String tensor, long[] dims, float[] values) {
        claim(tensor);
        graph.addInitializer(tensor(tensor, OnnxDataType.FLOAT, dims, raw(dims, values)));
        return tensor;
    }

    /** An int64 initializer with data (shape vectors, axes, indices). */
    public String initializer(String tensor, long[] dims, long[] values) {
        claim(tensor);
        graph.addInitializer(tensor(tensor, OnnxDataType.INT64, dims, raw(dims, values)));
        return tensor;
    }

    /** A {@code Constant} node holding an int64 tensor. */
    public String constant(String tensor, long[] dims, long[] values) {
        return addConstant(tensor, tensor(tensor + "_value", OnnxDataType.INT64, dims, raw(dims, values)));
    }

    /** A {@code Constant} node holding a float tensor. */
    public String constant(String tensor, long[] dims, float[] values) {
        return addConstant(tensor, tensor(tensor + "_value", OnnxDataType.FLOAT, dims, raw(dims, values)));
    }

    private String addConstant(String tensor, TensorProto value) {
        claim(tensor);
        graph.addNode(NodeProto.newBuilder().setName(tensor).setOpType("Constant").addOutput(tensor)
                .addAttribute(AttributeProto.newBuilder().setName("value")
                        .setType(AttributeProto.AttributeType.TENSOR).setT(value)));
        return tensor;
    }

    /**
     * A single-output operator node; the node and its output tensor are both named {@code output}. An empty
     * string in {@code inputs} omits an optional input.
     */
    public String node(String opType, String output, List<String> inputs, Map<String, AttributeValue> attributes) {
        node(opType, List.of(output), inputs, attributes);
        return output;
    }

    /** A multi-output operator node (e.g. {@code Split}); the node is named after its first output. */
    public List<String> node(String opType, List<String> outputNames, List<String> inputs,
                             Map<String, AttributeValue> attributes) {
        for (String in : inputs) {
            if (!in.isEmpty() && !tensors.contains(in)) {
                throw new IllegalArgumentException("input '" + in + "' of " + opType + " '" + outputNames.get(0)
                        + "' does not exist yet");
            }
        }
        outputNames.forEach(this::claim);
        NodeProto.Builder n = NodeProto.newBuilder().setName(outputNames.get(0)).setOpType(opType)
                .addAllInput(inputs).addAllOutput(outputNames);
        new TreeMap<>(attributes).forEach((k, v) -> n.addAttribute(Attributes.toProto(k, v)));
        graph.addNode(n);
        return List.copyOf(outputNames);
    }

    /** Declares a graph output. */
    public OnnxModelBuilder output(String tensor) {
        if (!tensors.contains(tensor)) {
            throw new IllegalArgumentException("output '" + tensor + "' does not exist");
        }
        outputs.add(tensor);
        return this;
    }

    /**
     * The model, checked: outputs are declared with their inferred type and shape.
     *
     * @throws BadInputException naming the builder's graph and the node when the graph is cyclic, empty, or
     *                           has a shape error
     */
    public OnnxModel build() {
        ModelProto unchecked = proto(graph.build());
        Map<String, TensorInfo> shapes = OnnxShapeInference.infer(unchecked,
                OnnxGraphs.topologicalOrder(unchecked.getGraph(), name), 1, name);
        GraphProto.Builder g = graph.clone();
        for (String out : outputs) {
            TensorInfo t = shapes.get(out);
            g.addOutput(valueInfo(out, t.elemType(), t.dims()));
        }
        return OnnxModel.of(proto(g.build()), name);
    }

    /**
     * The model without checks; outputs are declared as float tensors of unknown shape. For test fixtures
     * of broken graphs.
     */
    OnnxModel buildUnchecked() {
        GraphProto.Builder g = graph.clone();
        for (String out : outputs) {
            g.addOutput(ValueInfoProto.newBuilder().setName(out).setType(TypeProto.newBuilder()
                    .setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxDataType.FLOAT.code()))));
        }
        return OnnxModel.of(proto(g.build()), name);
    }

    /** {@code build().toBytes()}. */
    public byte[] toBytes() {
        return build().toBytes();
    }

    /** {@code build().write(file)}: atomic, via a temporary file. */
    public void write(Path file) {
        build().write(file);
    }

    /** IR versions before 4 (opsets 7 and 8) require every initializer to be listed as a graph input too. */
    private ModelProto proto(GraphProto g) {
        long ir = irVersion(opset);
        if (ir < 4) {
            GraphProto.Builder withInputs = g.toBuilder();
            for (TensorProto t : g.getInitializerList()) {
                withInputs.addInput(valueInfo(t.getName(), t.getDataType(), TensorData.dims(t)));
            }
            g = withInputs.build();
        }
        return ModelProto.newBuilder().setIrVersion(ir).setProducerName("narformer")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(g).build();
    }

    /** The IR version that introduced each opset (ONNX's versioning table). */
    private static long irVersion(int opset) {
        if (opset <= 8) {
            return 3;
        }
        return switch (opset) {
            case 9 -> 4;
            case 10 -> 5;
            case 11 -> 6;
            case 12, 13, 14 -> 7;
            case 15, 16, 17, 18 -> 8;
            case 19, 20 -> 9;
            default -> 10;
        };
    }

    private void claim(String tensor) {
        if (tensor == null || tensor.isEmpty() || !tensors.add(tensor)) {
            throw new IllegalArgumentException("tensor name '" + tensor + "' is empty or already used");
        }
    }

    private static ValueInfoProto valueInfo(String tensor, int elemType, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(tensor).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    private static TensorProto tensor(String tensor, OnnxDataType type, long[] dims, ByteString raw) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(tensor).setDataType(type.code());
        for (long d : dims) {
            t.addDims(d);
        }
        return t.setRawData(raw).build();
    }

    private static ByteString raw(long[] dims, float[] values) {
        checkCount(dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return ByteString.copyFrom(b.array());
    }

    private static ByteString raw(long[] dims, long[] values) {
        checkCount(dims, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return ByteString.copyFrom(b.array());
    }

    private static void checkCount(long[] dims, int count) {
        if (TensorInfo.count(dims) != count) {
            throw new IllegalArgumentException(count + " values for dims " + java.util.Arrays.toString(dims));
        }
    }
}
