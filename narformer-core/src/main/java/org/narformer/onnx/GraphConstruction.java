package org.narformer.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import org.narformer.graph.AttributeValue;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;
import org.narformer.graph.TensorShape;

/**
 * ONNX operators → {@link NetworkGraph}, reproducing the reference {@code onnx2nx}
 * ({@code onnx_to_networkx.py}):
 * <ol>
 *   <li>Every operator output tensor is a node named by that tensor; multi-output operators give one node per
 *       output ({@code outputIndex}/{@code outputCount}, the reference's {@code output_idx}/{@code output_num}).
 *       </li>
 *   <li>Edges run from the operator's data inputs ({@link EdgeRules}) to each of its outputs. A data input
 *       nobody produces (an initializer or graph input) becomes an implicit node.</li>
 *   <li>A {@code Constant} registers its output as a parameter and is a node with no inputs.</li>
 *   <li>One pass over the nodes with in-degree 0: those with out-degree &gt; 0 that are parameters (graph
 *       input, initializer, Constant output) become {@code Input} nodes; all others are deleted. The pass is
 *       not repeated, as in the reference, so deleting a source never cascades.</li>
 * </ol>
 * So {@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Concat} shape chains stay as nodes (with
 * their index and axes initializers as extra {@code Input} nodes), a {@code Constant} feeding an element-wise
 * operator or a {@code Clip} becomes an {@code Input} node, and a {@code Constant} feeding only weights is
 * dropped. {@code Identity}: see {@link OnnxImportConfig#foldConstantIdentities()}.
 *
 * <p>Node content: attributes as in the file, plus — <b>deviation</b> — a {@code kernel_shape} for
 * {@code Conv}/{@code ConvTranspose} nodes that lack one, taken from the weight's inferred dims {@code [2:]}
 * (the reference takes the last two dims of a parameter weight and writes −1 for a computed one). Operands
 * list every operator input with its inferred shape; an omitted optional input is an operand with an empty
 * name and unknown shape so positions match the operator signature. An operand is constant when it is an
 * initializer, a {@code Constant} output, or an {@code Identity} of a constant. Nodes are processed in
 * topological order, which for a valid ONNX file is its file order.
 */
final class GraphConstruction {
    private GraphConstruction() {
    }

    /** One graph node in the making: the operator output it stands for, or a bare source tensor. */
    private record Pending(NodeProto op, int outputIndex) { }

    static NetworkGraph build(GraphProto g, List<NodeProto> order, Map<String, TensorInfo> tensors,
                              OnnxImportConfig config, String source) {
        Set<String> constants = new HashSet<>();
        for (TensorProto t : g.getInitializerList()) {
            constants.add(t.getName());
        }
        Set<String> parameters = new HashSet<>(constants);
        for (ValueInfoProto v : g.getInputList()) {
            parameters.add(v.getName());
        }
        LinkedHashMap<String, Pending> nodes = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        for (NodeProto op : order) {
            String type = op.getOpType();
            boolean constantIdentity = type.equals("Identity") && op.getInputCount() == 1
                    && constants.contains(op.getInput(0));
            if (type.equals("Constant") || constantIdentity) {
                constants.add(op.getOutput(0));
                if (type.equals("Constant") || config.foldConstantIdentities()) {
                    parameters.add(op.getOutput(0));
                    nodes.put(op.getOutput(0), new Pending(op, 0));
                    continue;
                }
            }
            for (int i = 0; i < op.getOutputCount(); i++) {
                if (!op.getOutput(i).isEmpty()) {
                    nodes.put(op.getOutput(i), new Pending(op, i));
                }
            }
            for (int in : EdgeRules.dataInputs(op, parameters)) {
                for (String out : op.getOutputList()) {
                    if (!out.isEmpty()) {
                        edges.add(new String[] {op.getInput(in), out});
                    }
                }
            }
        }
        Map<String, Integer> inDegree = new HashMap<>();
        Map<String, Integer> outDegree = new HashMap<>();
        for (String[] e : edges) {
            nodes.putIfAbsent(e[0], new Pending(null, 0));
            outDegree.merge(e[0], 1, Integer::sum);
            inDegree.merge(e[1], 1, Integer::sum);
        }
        Set<String> inputs = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (String name : nodes.keySet()) {
            if (!inDegree.containsKey(name)) {
                if (outDegree.containsKey(name) && parameters.contains(name)) {
                    inputs.add(name);
                } else {
                    deleted.add(name);
                }
            }
        }
        NetworkGraph.Builder builder = NetworkGraph.builder(source);
        for (Map.Entry<String, Pending> entry : nodes.entrySet()) {
            String name = entry.getKey();
            if (deleted.contains(name)) {
                continue;
            }
            TensorShape shape = tensors.get(name).shape();
            if (inputs.contains(name)) {
                builder.addNode(new Node(name, "Input", Map.of(), List.of(), shape, 0, 1));
            } else {
                Pending p = entry.getValue();
                builder.addNode(new Node(name, p.op().getOpType(), attributes(p.op(), tensors),
                        operands(p.op(), tensors, constants), shape, p.outputIndex(), p.op().getOutputCount()));
            }
        }
        for (String[] e : edges) {
            if (!deleted.contains(e[0]) && !deleted.contains(e[1])) {
                builder.addEdge(e[0], e[1]);
            }
        }
        return builder.build();
    }

    private static Map<String, AttributeValue> attributes(NodeProto op, Map<String, TensorInfo> tensors) {
        Map<String, AttributeValue> attrs = Attributes.toValues(op);
        boolean conv = op.getOpType().equals("Conv") || op.getOpType().equals("ConvTranspose");
        if (conv && !attrs.containsKey("kernel_shape") && op.getInputCount() > 1) {
            long[] w = tensors.get(op.getInput(1)).dims();
            attrs.put("kernel_shape", AttributeValue.Ints.of(Arrays.copyOfRange(w, 2, w.length)));
        }
        return attrs;
    }

    private static List<Operand> operands(NodeProto op, Map<String, TensorInfo> tensors, Set<String> constants) {
        List<Operand> operands = new ArrayList<>(op.getInputCount());
        for (String in : op.getInputList()) {
            operands.add(in.isEmpty() ? new Operand("", TensorShape.UNKNOWN, false)
                    : new Operand(in, tensors.get(in).shape(), constants.contains(in)));
        }
        return operands;
    }
}
