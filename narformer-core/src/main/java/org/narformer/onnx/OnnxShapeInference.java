package org.narformer.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import org.narformer.BadInputException;

/**
 * Shape inference for every tensor of an ONNX graph, our own replacement for {@code onnx.shape_inference}
 * as the reference drives it ({@code graph_feature.py:9-45}, {@code onnx_shape_infer.py}):
 * <ol>
 *   <li>Dimension 0 of every graph input that is not an initializer is forced to the batch size
 *       ({@code modify_onnx_batch_size}); any other symbolic input dimension is an error.</li>
 *   <li>Initializers keep their dims (with or without data); {@code Constant} nodes give their value's dims.</li>
 *   <li>Nodes are visited in topological order and each operator's rule ({@link OpShapes}) gives its outputs.
 *       Small integer and float tensors (shape vectors, axes, scales) are folded to values, so
 *       {@code Shape → Gather → Unsqueeze → Concat → Reshape} chains resolve to static shapes.</li>
 * </ol>
 * <b>Differences from the reference.</b> The reference discards the file's {@code value_info} and trusts
 * ONNX's inference; it reports a miss (and drops the file) for every rank-0 tensor because it reads an
 * empty dim list as "unknown". We keep rank-0 tensors. The reference takes graph-output shapes from the
 * declared outputs (batch forced, a symbolic dim read as 0); we infer them like every other tensor, which
 * agrees whenever the declaration is static and consistent. Only the batch axis of a graph input is forced,
 * as in the reference — for a sequence-first input that axis is the sequence length. For an operator we have no rule for (or whose output
 * depends on data), we fall back to the shapes the file itself declares in {@code value_info} / graph
 * outputs, but only when they are fully static and the batch size was not changed (declared shapes were
 * computed for the file's own batch); otherwise the tensor is an error naming the node.
 */
final class OnnxShapeInference {
    private OnnxShapeInference() {
    }

    /**
     * @param order the graph's nodes in topological order ({@link OnnxGraphs#topologicalOrder})
     * @return every tensor of the graph by name: initializers, graph inputs and all node outputs
     * @throws BadInputException naming the source and the node whose output cannot be inferred
     */
    static Map<String, TensorInfo> infer(ModelProto model, List<NodeProto> order, int batchSize, String source) {
        GraphProto g = model.getGraph();
        Map<String, TensorInfo> known = new HashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            known.put(t.getName(), initializer(t, source));
        }
        boolean batchUnchanged = true;
        for (ValueInfoProto v : g.getInputList()) {
            if (!known.containsKey(v.getName())) {
                TensorInfo t = graphInput(v, batchSize, source);
                TensorShapeProto declared = v.getType().getTensorType().getShape();
                batchUnchanged &= t.rank() == 0 || declared.getDim(0).hasDimValue()
                        && declared.getDim(0).getDimValue() == batchSize;
                known.put(v.getName(), t);
            }
        }
        Map<String, ValueInfoProto> declared = new HashMap<>();
        for (ValueInfoProto v : g.getValueInfoList()) {
            declared.put(v.getName(), v);
        }
        for (ValueInfoProto v : g.getOutputList()) {
            declared.put(v.getName(), v);
        }
        OpShapes rules = new OpShapes(OnnxGraphs.opset(model));
        for (NodeProto node : order) {
            TensorInfo[] inputs = new TensorInfo[node.getInputCount()];
            for (int i = 0; i < inputs.length; i++) {
                String name = node.getInput(i);
                inputs[i] = name.isEmpty() ? null : known.get(name);
            }
            TensorInfo[] outputs;
            try {
                outputs = rules.infer(node, inputs);
            } catch (UnsupportedOperationException e) {
                outputs = declaredOutputs(node, declared, batchUnchanged);
                if (outputs == null) {
                    throw new BadInputException(source, OnnxGraphs.label(node),
                            "cannot infer the output shape: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                // a malformed node (wrong arity, bad attribute, incompatible shapes) is the file's fault
                String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                        : e.toString();
                throw new BadInputException(source, OnnxGraphs.label(node), "invalid operator: " + why, e);
            }
            for (int i = 0; i < node.getOutputCount(); i++) {
                String name = node.getOutput(i);
                if (name.isEmpty()) {
                    continue;
                }
                if (i >= outputs.length) {
                    throw new BadInputException(source, OnnxGraphs.label(node),
                            "the operator has no output " + i);
                }
                for (long d : outputs[i].dims()) {
                    if (d < 0) {
                        throw new BadInputException(source, OnnxGraphs.label(node),
                                "inferred a negative dimension " + Arrays.toString(outputs[i].dims()));
                    }
                }
                known.put(name, outputs[i]);
            }
        }
        return known;
    }

    private static TensorInfo initializer(TensorProto t, String source) {
        long[] dims = TensorData.dims(t);
        long stored = TensorData.storedCount(t);
        long count = TensorInfo.count(dims);
        if (Arrays.stream(dims).anyMatch(d -> d < 0)) {
            throw new BadInputException(source, "initializer '" + t.getName() + "'",
                    "has a negative dimension " + Arrays.toString(dims));
        }
        if (stored < 0 || stored > 0 && stored != count) {
            throw new BadInputException(source, "initializer '" + t.getName() + "'",
                    "its data does not match its shape " + Arrays.toString(dims));
        }
        return TensorInfo.withValues(t.getDataType(), dims, TensorData.smallValues(t));
    }

    /** A graph input's type and dims with dimension 0 forced to the batch size. */
    static TensorInfo graphInput(ValueInfoProto v, int batchSize, String source) {
        TypeProto type = v.getType();
        String where = "graph input '" + v.getName() + "'";
        if (!type.hasTensorType()) {
            throw new BadInputException(source, where, "is not a tensor");
        }
        if (!type.getTensorType().hasShape()) {
            throw new BadInputException(source, where, "has no shape");
        }
        TensorShapeProto shape = type.getTensorType().getShape();
        long[] dims = new long[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (i == 0) {
                dims[i] = batchSize;
            } else if (d.hasDimValue() && d.getDimValue() >= 0) {
                dims[i] = d.getDimValue();
            } else {
                throw new BadInputException(source, where, "has a symbolic dimension '" + d.getDimParam()
                        + "' at axis " + i + "; only the batch axis may be symbolic");
            }
        }
        return TensorInfo.of(type.getTensorType().getElemType(), dims);
    }

    /** The node's outputs as the file declares them, or null when any is missing or not fully static. */
    private static TensorInfo[] declaredOutputs(NodeProto node, Map<String, ValueInfoProto> declared,
                                                boolean batchUnchanged) {
        if (!batchUnchanged) {
            return null;
        }
        TensorInfo[] out = new TensorInfo[node.getOutputCount()];
        for (int i = 0; i < out.length; i++) {
            ValueInfoProto v = declared.get(node.getOutput(i));
            if (node.getOutput(i).isEmpty()) {
                out[i] = TensorInfo.of(0, new long[0]);
                continue;
            }
            if (v == null || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
                return null;
            }
            TensorShapeProto shape = v.getType().getTensorType().getShape();
            long[] dims = new long[shape.getDimCount()];
            for (int k = 0; k < dims.length; k++) {
                if (!shape.getDim(k).hasDimValue()) {
                    return null;
                }
                dims[k] = shape.getDim(k).getDimValue();
            }
            out[i] = TensorInfo.of(v.getType().getTensorType().getElemType(), dims);
        }
        return out;
    }
}
