package org.narformer.cells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/**
 * A NAS-Bench-101 cell: an upper-triangular adjacency over at most 7 vertices and one operation per vertex,
 * vertex 0 the input and the last vertex the output (the official {@code ModelSpec} before pruning).
 * Immutable; equality is structural (same vertex order, same edges, same ops), not isomorphism — compare
 * {@link #hash()} for that.
 *
 * <p>The data-file form ({@code nb101_vis30k.csv}) is {@link #adjUpperBits()} (the row-major upper triangle,
 * i &lt; j, as a 0/1 string of length V(V−1)/2) and {@link #labels()} (official labels, −1 input, 0 conv3x3,
 * 1 conv1x1, 2 maxpool, −2 output).
 */
public final class Nb101Cell {
    /** Most vertices a cell may have (official {@code module_vertices}). */
    public static final int MAX_VERTICES = 7;
    /** Most edges a cell of the search space may have after pruning (official {@code max_edges}). */
    public static final int MAX_EDGES = 9;

    private final int vertexCount;
    /** Row-major V×V adjacency, true only above the diagonal. */
    private final boolean[] adjacency;
    private final Nb101Op[] ops;

    private Nb101Cell(int vertexCount, boolean[] adjacency, Nb101Op[] ops) {
        this.vertexCount = vertexCount;
        this.adjacency = adjacency;
        this.ops = ops;
    }

    /**
     * A cell from a square 0/1 matrix (row = from) and one op per vertex.
     *
     * @throws IllegalArgumentException if the matrix is not square, not strictly upper-triangular or not 0/1, the
     *                                  sizes differ, there are fewer than 2 or more than 7 vertices, or the ops are
     *                                  not input, intermediate ops…, output
     */
    public static Nb101Cell of(int[][] matrix, List<Nb101Op> ops) {
        int n = matrix.length;
        boolean[] adj = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("adjacency matrix must be square, row " + i + " has "
                        + matrix[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                int v = matrix[i][j];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("adjacency entry (" + i + "," + j + ") is " + v
                            + ", expected 0 or 1");
                }
                if (v == 1 && j <= i) {
                    throw new IllegalArgumentException("adjacency must be strictly upper-triangular, found edge "
                            + i + "->" + j);
                }
                adj[i * n + j] = v == 1;
            }
        }
        String problem = checkOps(ops.toArray(new Nb101Op[0]), n);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new Nb101Cell(n, adj, ops.toArray(new Nb101Op[0]));
    }

    /**
     * Parses the data-file form: {@code adjUpperBits}, the row-major upper triangle in the order
     * (0,1),(0,2),…,(1,2),… (so {@code "101"} over 3 vertices means 0→1 and 1→2), and the space-separated
     * official labels.
     *
     * @param source file and line for the error message
     * @throws BadInputException naming the source and the field when the fields are malformed or inconsistent
     */
    public static Nb101Cell parse(String adjUpperBits, String labels, String source) {
        String[] parts = splitOnSpaces(labels);
        int n = parts.length;
        if (n < 2 || n > MAX_VERTICES) {
            throw new BadInputException(source, "labels '" + labels + "'",
                    "a cell has 2.." + MAX_VERTICES + " vertices, found " + n + " labels");
        }
        Nb101Op[] ops = new Nb101Op[n];
        for (int i = 0; i < n; i++) {
            Nb101Op op = switch (parts[i]) {
                case "-1" -> Nb101Op.INPUT;
                case "0" -> Nb101Op.CONV3X3;
                case "1" -> Nb101Op.CONV1X1;
                case "2" -> Nb101Op.MAXPOOL3X3;
                case "-2" -> Nb101Op.OUTPUT;
                default -> null;
            };
            if (op == null) {
                throw new BadInputException(source, "labels '" + labels + "'", "label " + (i + 1) + " is '"
                        + parts[i] + "', expected -1 (input), 0 (conv3x3), 1 (conv1x1), 2 (maxpool) or -2 (output)");
            }
            ops[i] = op;
        }
        String problem = checkOps(ops, n);
        if (problem != null) {
            throw new BadInputException(source, "labels '" + labels + "'", problem);
        }
        int expected = n * (n - 1) / 2;
        if (adjUpperBits.length() != expected) {
            throw new BadInputException(source, "adj_upper_bits '" + adjUpperBits + "'", "expected " + expected
                    + " bits for " + n + " vertices, found " + adjUpperBits.length());
        }
        boolean[] adj = new boolean[n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                char c = adjUpperBits.charAt(k);
                if (c != '0' && c != '1') {
                    throw new BadInputException(source, "adj_upper_bits '" + adjUpperBits + "'", "character "
                            + (k + 1) + " is '" + c + "', expected 0 or 1");
                }
                adj[i * n + j] = c == '1';
            }
        }
        return new Nb101Cell(n, adj, ops);
    }

    /** Splits on runs of spaces and tabs without a regular expression (bulk reading calls this 423,624 times). */
    private static String[] splitOnSpaces(String text) {
        List<String> parts = new ArrayList<>(MAX_VERTICES);
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                parts.add(text.substring(start, i));
            }
        }
        return parts.toArray(new String[0]);
    }

    private static String checkOps(Nb101Op[] ops, int n) {
        if (ops.length != n) {
            return "expected " + n + " ops (one per vertex), found " + ops.length;
        }
        if (n < 2 || n > MAX_VERTICES) {
            return "a cell has 2.." + MAX_VERTICES + " vertices, found " + n;
        }
        if (ops[0] != Nb101Op.INPUT) {
            return "vertex 0 must be the input, found " + ops[0].opName();
        }
        if (ops[n - 1] != Nb101Op.OUTPUT) {
            return "the last vertex must be the output, found " + ops[n - 1].opName();
        }
        for (int i = 1; i < n - 1; i++) {
            if (!ops[i].isIntermediate()) {
                return "vertex " + i + " is '" + ops[i].opName() + "', only the first and last vertex may be";
            }
        }
        return null;
    }

    public int vertexCount() {
        return vertexCount;
    }

    /** True when there is an edge {@code from → to}. */
    public boolean hasEdge(int from, int to) {
        return adjacency[from * vertexCount + to];
    }

    public int edgeCount() {
        int e = 0;
        for (boolean b : adjacency) {
            if (b) {
                e++;
            }
        }
        return e;
    }

    /** The op of vertex {@code i}. */
    public Nb101Op op(int i) {
        return ops[i];
    }

    public List<Nb101Op> ops() {
        return List.of(ops);
    }

    /** The V×V 0/1 adjacency (row = from). */
    public int[][] matrix() {
        int[][] m = new int[vertexCount][vertexCount];
        for (int i = 0; i < vertexCount; i++) {
            for (int j = 0; j < vertexCount; j++) {
                m[i][j] = adjacency[i * vertexCount + j] ? 1 : 0;
            }
        }
        return m;
    }

    /** The data-file adjacency string: row-major upper triangle (i &lt; j) as 0/1 characters. */
    public String adjUpperBits() {
        StringBuilder sb = new StringBuilder(vertexCount * (vertexCount - 1) / 2);
        for (int i = 0; i < vertexCount; i++) {
            for (int j = i + 1; j < vertexCount; j++) {
                sb.append(adjacency[i * vertexCount + j] ? '1' : '0');
            }
        }
        return sb.toString();
    }

    /** The data-file label string, e.g. {@code "-1 0 2 -2"}. */
    public String labels() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vertexCount; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(ops[i].label());
        }
        return sb.toString();
    }

    /**
     * The official pruning ({@code ModelSpec._prune}): deletes every vertex that is not on a path from the input
     * to the output, keeping the remaining vertices in order. Returns this cell when nothing is pruned.
     *
     * @throws BadInputException when the input does not reach the output (the official "invalid spec")
     */
    public Nb101Cell pruned() {
        int n = vertexCount;
        boolean[] fromInput = new boolean[n];
        fromInput[0] = true;
        for (int i = 0; i < n; i++) {
            if (fromInput[i]) {
                for (int j = i + 1; j < n; j++) {
                    fromInput[j] |= adjacency[i * n + j];
                }
            }
        }
        boolean[] toOutput = new boolean[n];
        toOutput[n - 1] = true;
        for (int j = n - 1; j >= 0; j--) {
            if (toOutput[j]) {
                for (int i = 0; i < j; i++) {
                    toOutput[i] |= adjacency[i * n + j];
                }
            }
        }
        if (!fromInput[n - 1]) {
            throw new BadInputException(toString(), null, "the input is not connected to the output");
        }
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (fromInput[i] && toOutput[i]) {
                keep[m++] = i;
            }
        }
        if (m == n) {
            return this;
        }
        boolean[] adj = new boolean[m * m];
        Nb101Op[] kept = new Nb101Op[m];
        for (int a = 0; a < m; a++) {
            kept[a] = ops[keep[a]];
            for (int b = 0; b < m; b++) {
                adj[a * m + b] = adjacency[keep[a] * n + keep[b]];
            }
        }
        return new Nb101Cell(m, adj, kept);
    }

    /** True when pruning removes nothing (every vertex lies on an input→output path). */
    public boolean isPruned() {
        try {
            return pruned() == this;
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * True when the cell is in the NAS-Bench-101 space: the input reaches the output and the pruned cell has at
     * most {@link #MAX_EDGES} edges (the official {@code is_valid}).
     */
    public boolean isInSearchSpace() {
        try {
            return pruned().edgeCount() <= MAX_EDGES;
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * The official NAS-Bench-101 cell hash (32 lowercase hex digits) of the pruned cell, invariant under
     * relabelling of the vertices. Equal to the {@code hash} column of the data files.
     */
    public String hash() {
        return Nb101Hasher.local().hash(this);
    }

    /**
     * The cell graph of the pruned cell, as NAR-Former uses it: nodes {@code v0..v(V−1)} in vertex order with the
     * official op names ({@code input, conv1x1-bn-relu, conv3x3-bn-relu, maxpool3x3, output}) as op types.
     */
    public NetworkGraph toGraph() {
        Nb101Cell p = pruned();
        NetworkGraph.Builder b = NetworkGraph.builder("NAS-Bench-101 cell " + p.adjUpperBits() + " [" + p.labels()
                + "]");
        for (int i = 0; i < p.vertexCount; i++) {
            b.addNode(Node.simple("v" + i, p.ops[i].opName()));
        }
        for (int i = 0; i < p.vertexCount; i++) {
            for (int j = i + 1; j < p.vertexCount; j++) {
                if (p.adjacency[i * p.vertexCount + j]) {
                    b.addEdge("v" + i, "v" + j);
                }
            }
        }
        return b.build();
    }

    /**
     * The cell read back from a cell graph whose op types are NAS-Bench-101 op names, in the graph's topological
     * order (the inverse of {@link #toGraph()} for a pruned cell).
     *
     * @throws BadInputException naming the graph and node for an unknown op type or a misplaced input/output
     */
    public static Nb101Cell fromGraph(NetworkGraph graph) {
        int n = graph.nodeCount();
        List<Nb101Op> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Nb101Op op = Nb101Op.byName(graph.node(i).opType());
            if (op == null) {
                throw new BadInputException(graph.name(), "node '" + graph.node(i).name() + "'",
                        "'" + graph.node(i).opType() + "' is not a NAS-Bench-101 op");
            }
            ops.add(op);
        }
        int[][] m = new int[n][n];
        graph.edges().forEach(e -> m[e.from()][e.to()] = 1);
        try {
            return of(m, ops);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(graph.name(), null, e.getMessage());
        }
    }

    /** Row-major adjacency, package-private for the hasher (not copied). */
    boolean[] adjacencyArray() {
        return adjacency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb101Cell c && c.vertexCount == vertexCount && Arrays.equals(c.adjacency, adjacency)
                && Arrays.equals(c.ops, ops);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(adjacency) + Arrays.hashCode(ops);
    }

    /** The data-file form, e.g. {@code "110 [-1 0 -2]"}. */
    @Override
    public String toString() {
        return adjUpperBits() + " [" + labels() + "]";
    }
}
