package org.narformer.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.narformer.BadInputException;

/**
 * The project's graph IR: an immutable directed acyclic graph of {@link Node}s joined by data {@link Edge}s.
 * It serves whole networks (a node per operator output tensor) and NAS cells (a node per operation) alike;
 * tokenizers and static features see nothing else.
 *
 * <p>Nodes are stored in a deterministic topological order. <b>Tie-break:</b> among nodes whose predecessors
 * are all placed, the one added to the {@link Builder} first is placed first (Kahn's algorithm with the
 * insertion index as priority). For an ONNX file that means file order; for a cell, vertex order.
 *
 * <p>Edges are de-duplicated (an operator reading the same tensor twice, e.g. {@code Add(x, x)}, gives one
 * edge) and kept sorted by (from, to).
 */
public final class NetworkGraph {
    private final String name;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final int[][] successors;
    private final int[][] predecessors;
    private final Map<String, Integer> indexByName;

    private NetworkGraph(String name, List<Node> nodes, List<Edge> edges) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        int n = nodes.size();
        int[] outCount = new int[n];
        int[] inCount = new int[n];
        for (Edge e : edges) {
            outCount[e.from()]++;
            inCount[e.to()]++;
        }
        successors = new int[n][];
        predecessors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = new int[outCount[i]];
            predecessors[i] = new int[inCount[i]];
        }
        int[] o = new int[n];
        int[] in = new int[n];
        for (Edge e : edges) {
            successors[e.from()][o[e.from()]++] = e.to();
            predecessors[e.to()][in[e.to()]++] = e.from();
        }
        for (int i = 0; i < n; i++) {
            Arrays.sort(predecessors[i]);
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byName.put(nodes.get(i).name(), i);
        }
        this.indexByName = Collections.unmodifiableMap(byName);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A name for messages: the source file or the cell's string. */
    public String name() {
        return name;
    }

    /** Nodes in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Directed edges by topological index, sorted by (from, to); {@code from < to} always holds. */
    public List<Edge> edges() {
        return edges;
    }

    public int edgeCount() {
        return edges.size();
    }

    /** Topological index of the node named {@code nodeName}, or −1. */
    public int indexOf(String nodeName) {
        return indexByName.getOrDefault(nodeName, -1);
    }

    /** Successor indices of node {@code i}, ascending. */
    public int[] successors(int i) {
        return successors[i].clone();
    }

    /** Predecessor indices of node {@code i}, ascending. */
    public int[] predecessors(int i) {
        return predecessors[i].clone();
    }

    /** Degree of node {@code i} in the undirected view (in-degree + out-degree). */
    public int undirectedDegree(int i) {
        return successors[i].length + predecessors[i].length;
    }

    /**
     * The symmetric 0/1 adjacency (A + Aᵀ, no self-loops) as a row-major {@code n×n} matrix, the form both
     * papers' attention masks and GraphSAGE aggregation use.
     */
    public boolean[] symmetricAdjacency() {
        int n = nodes.size();
        boolean[] a = new boolean[n * n];
        for (Edge e : edges) {
            a[e.from() * n + e.to()] = true;
            a[e.to() * n + e.from()] = true;
        }
        return a;
    }

    /** Number of nodes per op type, sorted by op type name. */
    public Map<String, Integer> opHistogram() {
        Map<String, Integer> h = new java.util.TreeMap<>();
        for (Node node : nodes) {
            h.merge(node.opType(), 1, Integer::sum);
        }
        return h;
    }

    /** Indices of nodes with no predecessors. */
    public List<Integer> sources() {
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (predecessors[i].length == 0) {
                s.add(i);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "NetworkGraph[" + name + ", " + nodes.size() + " nodes, " + edges.size() + " edges]";
    }

    /**
     * Collects nodes and edges (edges by node name, in any order) and validates them in {@link #build()}:
     * unique names, no dangling edge ends, no self-loops, no cycles. Each failure is a
     * {@link BadInputException} naming the graph and the node.
     */
    public static final class Builder {
        private final String name;
        private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
        private final List<String[]> edges = new ArrayList<>();

        private Builder(String name) {
            this.name = name == null ? "<graph>" : name;
        }

        public Builder addNode(Node node) {
            if (nodes.putIfAbsent(node.name(), node) != null) {
                throw new BadInputException(name, "node '" + node.name() + "'", "duplicate node name");
            }
            return this;
        }

        public Builder addEdge(String from, String to) {
            edges.add(new String[] {from, to});
            return this;
        }

        public boolean hasNode(String nodeName) {
            return nodes.containsKey(nodeName);
        }

        public NetworkGraph build() {
            if (nodes.isEmpty()) {
                throw new BadInputException(name, null, "the graph has no nodes");
            }
            List<Node> inserted = new ArrayList<>(nodes.values());
            Map<String, Integer> insertIndex = new HashMap<>(inserted.size() * 2);
            for (int i = 0; i < inserted.size(); i++) {
                insertIndex.put(inserted.get(i).name(), i);
            }
            int n = inserted.size();
            int[][] out = new int[n][];
            int[] outCount = new int[n];
            int[] inDegree = new int[n];
            int[] from = new int[edges.size()];
            int[] to = new int[edges.size()];
            int edgeCount = 0;
            for (String[] e : edges) {
                Integer f = insertIndex.get(e[0]);
                Integer t = insertIndex.get(e[1]);
                if (f == null) {
                    throw new BadInputException(name, "node '" + e[1] + "'",
                            "input '" + e[0] + "' is not produced by any node (dangling input)");
                }
                if (t == null) {
                    throw new BadInputException(name, "node '" + e[0] + "'",
                            "edge to unknown node '" + e[1] + "'");
                }
                if (f.intValue() == t.intValue()) {
                    throw new BadInputException(name, "node '" + e[0] + "'", "the node feeds itself (cycle)");
                }
                from[edgeCount] = f;
                to[edgeCount++] = t;
            }
            for (int k = 0; k < edgeCount; k++) {
                outCount[from[k]]++;
            }
            for (int i = 0; i < n; i++) {
                out[i] = new int[outCount[i]];
                outCount[i] = 0;
            }
            for (int k = 0; k < edgeCount; k++) {
                out[from[k]][outCount[from[k]]++] = to[k];
            }
            for (int i = 0; i < n; i++) {
                // de-duplicate parallel edges (an operator reading the same tensor twice)
                int[] o = out[i];
                Arrays.sort(o);
                int m = 0;
                for (int k = 0; k < o.length; k++) {
                    if (k == 0 || o[k] != o[k - 1]) {
                        o[m++] = o[k];
                    }
                }
                out[i] = m == o.length ? o : Arrays.copyOf(o, m);
                for (int j : out[i]) {
                    inDegree[j]++;
                }
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < n; i++) {
                if (inDegree[i] == 0) {
                    ready.add(i);
                }
            }
            int[] position = new int[n];
            Arrays.fill(position, -1);
            List<Node> ordered = new ArrayList<>(n);
            while (!ready.isEmpty()) {
                int i = ready.poll();
                position[i] = ordered.size();
                ordered.add(inserted.get(i));
                for (int j : out[i]) {
                    if (--inDegree[j] == 0) {
                        ready.add(j);
                    }
                }
            }
            if (ordered.size() < n) {
                for (int i = 0; i < n; i++) {
                    if (position[i] < 0) {
                        throw new BadInputException(name, "node '" + inserted.get(i).name() + "'",
                                "the graph has a cycle through this node");
                    }
                }
            }
            List<Edge> edgeList = new ArrayList<>(edgeCount);
            for (int f = 0; f < n; f++) {
                for (int t : out[f]) {
                    edgeList.add(new Edge(position[f], position[t]));
                }
            }
            edgeList.sort((a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from())
                    : Integer.compare(a.to(), b.to()));
            return new NetworkGraph(name, ordered, edgeList);
        }
    }
}
