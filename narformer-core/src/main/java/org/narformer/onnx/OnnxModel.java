package org.narformer.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import com.google.protobuf.InvalidProtocolBufferException;

import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.TensorShape;

/**
 * An ONNX model held in memory (immutable): read from a file or bytes, or built with
 * {@link OnnxModelBuilder}; converted to a {@link NetworkGraph}, given random weights, or written back.
 * Any opset is read; weight-stripped files (initializers with dims but no data, the NNLQP "no-weight"
 * convention) and files with weights alike.
 */
public final class OnnxModel {
    private final ModelProto proto;
    private final String source;

    private OnnxModel(ModelProto proto, String source) {
        this.proto = proto;
        this.source = source;
    }

    /**
     * Reads and checks an ONNX file.
     *
     * @throws BadInputException naming the file when it is missing, unreadable, not an ONNX model, or
     *                           truncated
     */
    public static OnnxModel read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read the file: " + e.getMessage(), e);
        }
        return fromBytes(bytes, file.toString());
    }

    /**
     * Parses a serialized ONNX model.
     *
     * @param sourceName how error messages name the input, e.g. a file path
     */
    public static OnnxModel fromBytes(byte[] bytes, String sourceName) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new BadInputException(sourceName, null,
                    "not an ONNX model, or a truncated one (" + e.getMessage() + ")", e);
        }
        if (proto.getIrVersion() <= 0 || !proto.hasGraph()) {
            throw new BadInputException(sourceName, null, "not an ONNX model (no IR version or no graph)");
        }
        if (proto.getOpsetImportCount() == 0 && proto.getIrVersion() >= 3) {
            throw new BadInputException(sourceName, null,
                    "no opset_import: a truncated file or not an ONNX model");
        }
        return new OnnxModel(proto, sourceName);
    }

    static OnnxModel of(ModelProto proto, String sourceName) {
        return new OnnxModel(proto, sourceName);
    }

    ModelProto proto() {
        return proto;
    }

    /** How messages name this model (the file path it was read from, or the builder's graph name). */
    public String source() {
        return source;
    }

    /** The opset version of the default ONNX domain. */
    public int opsetVersion() {
        return OnnxGraphs.opset(proto);
    }

    /** Number of ONNX operator nodes (not graph nodes: see {@link #toGraph()}). */
    public int operatorCount() {
        return proto.getGraph().getNodeCount();
    }

    /** Names of the graph inputs that are not initializers (the network's real inputs), in file order. */
    public List<String> graphInputNames() {
        Set<String> initializers = OnnxGraphs.initializerNames(proto.getGraph());
        List<String> names = new ArrayList<>();
        for (ValueInfoProto v : proto.getGraph().getInputList()) {
            if (!initializers.contains(v.getName())) {
                names.add(v.getName());
            }
        }
        return names;
    }

    /** Number of initializers that have dims but no stored data. */
    public int strippedInitializerCount() {
        int n = 0;
        for (TensorProto t : proto.getGraph().getInitializerList()) {
            if (TensorData.isStripped(t)) {
                n++;
            }
        }
        return n;
    }

    /** The graph with reference-compatible construction at batch size 1. */
    public NetworkGraph toGraph() {
        return toGraph(OnnxImportConfig.defaults());
    }

    /**
     * The graph IR: one node per operator output, data edges, inferred output shapes.
     *
     * @throws BadInputException naming the source and node for an empty or cyclic graph, a dangling input,
     *                           or a shape that cannot be inferred
     */
    public NetworkGraph toGraph(OnnxImportConfig config) {
        List<NodeProto> order = OnnxGraphs.topologicalOrder(proto.getGraph(), source);
        Map<String, TensorInfo> tensors = OnnxShapeInference.infer(proto, order, config.batchSize(), source);
        return GraphConstruction.build(proto.getGraph(), order, tensors, config, source);
    }

    /**
     * The graph inputs that are not initializers, dimension 0 forced to {@code batchSize} as in
     * {@link #toGraph(OnnxImportConfig)}.
     *
     * @throws BadInputException when an input has a symbolic dimension other than the batch axis
     */
    public List<OnnxTensorSpec> inputs(int batchSize) {
        Set<String> initializers = OnnxGraphs.initializerNames(proto.getGraph());
        List<OnnxTensorSpec> specs = new ArrayList<>();
        for (ValueInfoProto v : proto.getGraph().getInputList()) {
            if (!initializers.contains(v.getName())) {
                TensorInfo t = OnnxShapeInference.graphInput(v, batchSize, source);
                specs.add(new OnnxTensorSpec(v.getName(), OnnxDataType.ofCode(t.elemType()), t.shape()));
            }
        }
        return specs;
    }

    /** The graph outputs with their inferred types and shapes at {@code batchSize}. */
    public List<OnnxTensorSpec> outputs(int batchSize) {
        Map<String, TensorInfo> tensors = OnnxShapeInference.infer(proto,
                OnnxGraphs.topologicalOrder(proto.getGraph(), source), batchSize, source);
        List<OnnxTensorSpec> specs = new ArrayList<>();
        for (ValueInfoProto v : proto.getGraph().getOutputList()) {
            TensorInfo t = tensors.get(v.getName());
            if (t == null) {
                throw new BadInputException(source, "graph output '" + v.getName() + "'", "is not produced");
            }
            specs.add(new OnnxTensorSpec(v.getName(), OnnxDataType.ofCode(t.elemType()), t.shape()));
        }
        return specs;
    }

    /**
     * A copy whose non-initializer inputs and whose outputs declare dimension 0 as {@code batchSize} (the
     * reference's {@code modify_onnx_batch_size}, persisted so an inference engine runs that batch), with
     * {@code value_info} dropped because its shapes would be stale. Constants baked into the graph (e.g. a
     * {@code Reshape} target with a literal batch of 1) are not rewritten; {@link #outputs(int)} reports such a
     * graph as a shape error.
     */
    public OnnxModel withBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        Set<String> initializers = OnnxGraphs.initializerNames(proto.getGraph());
        GraphProto.Builder g = proto.getGraph().toBuilder().clearValueInfo();
        for (ValueInfoProto.Builder v : g.getInputBuilderList()) {
            if (!initializers.contains(v.getName())) {
                setBatch(v, batchSize);
            }
        }
        for (ValueInfoProto.Builder v : g.getOutputBuilderList()) {
            setBatch(v, batchSize);
        }
        return new OnnxModel(proto.toBuilder().setGraph(g).build(), source);
    }

    private static void setBatch(ValueInfoProto.Builder v, int batchSize) {
        if (v.getType().hasTensorType() && v.getType().getTensorType().getShape().getDimCount() > 0) {
            v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).setDimValue(batchSize);
        }
    }

    /** The inferred shape of every tensor (initializers, graph inputs, operator outputs), sorted by name. */
    public Map<String, TensorShape> inferShapes(int batchSize) {
        List<NodeProto> order = OnnxGraphs.topologicalOrder(proto.getGraph(), source);
        Map<String, TensorShape> shapes = new TreeMap<>();
        OnnxShapeInference.infer(proto, order, batchSize, source).forEach((k, v) -> shapes.put(k, v.shape()));
        return shapes;
    }

    /**
     * A copy in which every initializer without data gets seeded random data, so a weight-stripped file
     * can run in an inference engine. Float and double initializers are drawn uniformly from ±1/√fan_in
     * (fan_in = product of the dims after the first); the variance input of {@code BatchNormalization} from
     * [0.5, 1.5) so it stays positive; every other stripped type (integers, booleans, float16) becomes zeros.
     * Initializers that already have data, external data, or are strings are left as they are. Each
     * initializer draws from its own {@link SplittableRandom#split() split} of the seed, in file order, so
     * the same seed gives the same bytes.
     */
    public OnnxModel withRandomWeights(long seed) {
        GraphProto g = proto.getGraph();
        Set<String> variances = new HashSet<>();
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("BatchNormalization") && n.getInputCount() > 4) {
                variances.add(n.getInput(4));
            }
        }
        SplittableRandom root = new SplittableRandom(seed);
        GraphProto.Builder gb = g.toBuilder();
        for (int i = 0; i < gb.getInitializerCount(); i++) {
            TensorProto t = gb.getInitializer(i);
            SplittableRandom random = root.split();
            OnnxDataType type = OnnxDataType.ofCode(t.getDataType());
            if (!TensorData.isStripped(t) || TensorData.isExternal(t) || type == null
                    || type == OnnxDataType.STRING) {
                continue;
            }
            long[] dims = TensorData.dims(t);
            double low;
            double high;
            if (variances.contains(t.getName())) {
                low = 0.5;
                high = 1.5;
            } else {
                long fanIn = dims.length > 1 ? TensorInfo.count(dims) / Math.max(dims[0], 1) : 1;
                high = 1 / Math.sqrt(Math.max(fanIn, 1));
                low = -high;
            }
            TensorProto.Builder filled = t.toBuilder().setRawData(
                    TensorData.randomRaw(type, TensorInfo.count(dims), low, high, random));
            gb.setInitializer(i, filled);
        }
        return new OnnxModel(proto.toBuilder().setGraph(gb).build(), source);
    }

    /** The serialized model. */
    public byte[] toBytes() {
        return proto.toByteArray();
    }

    /** Writes the model atomically: to a temporary file beside {@code file}, then moved over it. */
    public void write(Path file) {
        AtomicFiles.write(file, toBytes());
    }

    @Override
    public String toString() {
        return "OnnxModel[" + source + ", opset " + opsetVersion() + ", " + operatorCount() + " operators]";
    }
}
