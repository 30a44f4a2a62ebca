package org.narformer.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import org.narformer.BadInputException;

/** Structural facts about an ONNX graph shared by shape inference and graph construction. */
final class OnnxGraphs {
    private OnnxGraphs() {
    }

    /** The opset version of the default ({@code ""} / {@code ai.onnx}) domain. */
    static int opset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                return (int) o.getVersion();
            }
        }
        return 1;
    }

    /** How messages name a node: {@code node 'name' (Op)}, or by its first output when unnamed. */
    static String label(NodeProto node) {
        String name = !node.getName().isEmpty() ? node.getName()
                : node.getOutputCount() > 0 ? node.getOutput(0) : "?";
        return "node '" + name + "' (" + node.getOpType() + ")";
    }

    static Set<String> initializerNames(GraphProto g) {
        Set<String> names = new HashSet<>();
        for (TensorProto t : g.getInitializerList()) {
            names.add(t.getName());
        }
        return names;
    }

    /**
     * The nodes in topological order. Tie-break: file order (ONNX requires files to be sorted already, so
     * for a valid file this is the file order itself).
     *
     * @throws BadInputException naming the node when the graph is empty, a node lacks an op type or a first
     *                           output, a node reads a tensor that nothing produces, two nodes write the same
     *                           tensor, or the nodes form a cycle
     */
    static List<NodeProto> topologicalOrder(GraphProto g, String source) {
        int n = g.getNodeCount();
        if (n == 0) {
            throw new BadInputException(source, null, "the graph has no nodes");
        }
        Set<String> available = initializerNames(g);
        for (ValueInfoProto v : g.getInputList()) {
            available.add(v.getName());
        }
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NodeProto node = g.getNode(i);
            if (node.getOpType().isEmpty() || node.getOutputCount() == 0 || node.getOutput(0).isEmpty()) {
                throw new BadInputException(source, label(node), "the node has no op type or no first output");
            }
            for (String out : node.getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (available.contains(out) || producer.putIfAbsent(out, i) != null) {
                    throw new BadInputException(source, label(g.getNode(i)),
                            "tensor '" + out + "' is produced more than once");
                }
            }
        }
        List<List<Integer>> successors = new ArrayList<>(n);
        List<List<Integer>> predecessors = new ArrayList<>(n);
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            successors.add(new ArrayList<>());
            predecessors.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            NodeProto node = g.getNode(i);
            Set<Integer> deps = new HashSet<>();
            for (String in : node.getInputList()) {
                if (in.isEmpty() || available.contains(in)) {
                    continue;
                }
                Integer p = producer.get(in);
                if (p == null) {
                    throw new BadInputException(source, label(node),
                            "input '" + in + "' is not produced by any node, initializer or graph input");
                }
                if (deps.add(p)) {
                    successors.get(p).add(i);
                    predecessors.get(i).add(p);
                    pending[i]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(g.getNode(i));
            for (int s : successors.get(i)) {
                if (--pending[s] == 0) {
                    ready.add(s);
                }
            }
        }
        if (order.size() < n) {
            throw new BadInputException(source, label(g.getNode(nodeOnCycle(pending, predecessors))),
                    "the graph has a cycle through this node");
        }
        return order;
    }

    /**
     * A node on a cycle: start at the first node Kahn's algorithm could not place and walk back through
     * unplaced predecessors (each has one, else it would have been placed); after n steps the walk is on a
     * cycle.
     */
    private static int nodeOnCycle(int[] pending, List<List<Integer>> predecessors) {
        int n = pending.length;
        int at = 0;
        while (pending[at] == 0) {
            at++;
        }
        for (int step = 0; step < n; step++) {
            for (int p : predecessors.get(at)) {
                if (pending[p] > 0) {
                    at = p;
                    break;
                }
            }
        }
        return at;
    }
}
