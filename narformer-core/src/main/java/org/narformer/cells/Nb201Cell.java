package org.narformer.cells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/**
 * A NAS-Bench-201 cell: the operations on its six edges, in architecture-string order
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|} (edge k of cell node j reads cell node k, k &lt; j).
 *
 * <p>{@link #toGraph()} gives the NAR-Former V2 operation-on-node graph (reference
 * {@code gen_json_201.py}): 8 nodes (input, the six edges in string order, output) with the same fixed
 * adjacency for every cell; {@code none} and {@code skip_connect} stay as nodes.
 *
 * @param edgeOps the six edge operations in string order; never {@code input} or {@code output}
 */
public record Nb201Cell(List<Nb201Op> edgeOps) {
    /** Number of cell edges (and of operation nodes in the graph). */
    public static final int EDGE_COUNT = 6;
    /** Number of nodes of the V2 cell graph: input, six edges, output. */
    public static final int GRAPH_NODE_COUNT = EDGE_COUNT + 2;
    /** Source cell node of each edge, in string order (the numbers after {@code ~}). */
    private static final int[] EDGE_SOURCE = {0, 0, 1, 0, 1, 2};
    /** The fixed V2 graph adjacency as (from, to) pairs over graph nodes 0..7 ({@code gen_json_201.py}). */
    private static final int[][] GRAPH_EDGES = {
        {0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 6}, {3, 6}, {4, 7}, {5, 7}, {6, 7}};
    private static final String DEFAULT_SOURCE = "NAS-Bench-201 arch string";

    public Nb201Cell {
        if (edgeOps.size() != EDGE_COUNT) {
            throw new IllegalArgumentException("a NAS-Bench-201 cell has 6 edge ops, got " + edgeOps.size());
        }
        for (Nb201Op op : edgeOps) {
            if (!op.isEdgeOp()) {
                throw new IllegalArgumentException("'" + op.opName() + "' cannot label a cell edge");
            }
        }
        edgeOps = List.copyOf(edgeOps);
    }

    public static Nb201Cell of(Nb201Op... edgeOps) {
        return new Nb201Cell(Arrays.asList(edgeOps));
    }

    /** Parses an architecture string; errors name the string and the column. */
    public static Nb201Cell parse(String archString) {
        return parse(archString, DEFAULT_SOURCE);
    }

    /**
     * Parses an architecture string such as
     * {@code |nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|}.
     *
     * @param source where the string comes from (a file and line), for the error message
     * @throws BadInputException naming the source, the string and the 1-based column of the first problem:
     *                           bad syntax, an unknown op, a wrong source-node number, or a wrong node count
     */
    public static Nb201Cell parse(String archString, String source) {
        if (archString == null) {
            throw new BadInputException(source, null, "missing architecture string");
        }
        String s = archString;
        String[] groups = s.split("\\+", -1);
        if (groups.length != 3) {
            throw error(source, s, 1, "expected 3 cell nodes separated by '+', found " + groups.length);
        }
        List<Nb201Op> ops = new ArrayList<>(EDGE_COUNT);
        int offset = 0;
        for (int node = 1; node <= 3; node++) {
            String group = groups[node - 1];
            if (group.length() < 2 || group.charAt(0) != '|' || group.charAt(group.length() - 1) != '|') {
                throw error(source, s, offset + 1, "cell node " + node + " must be written |op~i|...|, found '"
                        + group + "'");
            }
            String[] items = group.substring(1, group.length() - 1).split("\\|", -1);
            if (items.length != node) {
                throw error(source, s, offset + 1, "cell node " + node + " must have " + node
                        + " incoming edge(s), found " + items.length);
            }
            int col = offset + 1;
            for (int k = 0; k < items.length; k++) {
                String item = items[k];
                int itemColumn = col + 1;
                int tilde = item.indexOf('~');
                if (tilde < 0) {
                    throw error(source, s, itemColumn, "expected op~i, found '" + item + "'");
                }
                String name = item.substring(0, tilde);
                Nb201Op op = Nb201Op.byName(name);
                if (op == null || !op.isEdgeOp()) {
                    throw error(source, s, itemColumn, "unknown op '" + name + "' (expected one of "
                            + edgeOpNames() + ")");
                }
                String from = item.substring(tilde + 1);
                if (!from.equals(Integer.toString(k))) {
                    throw error(source, s, itemColumn + tilde + 1, "edge " + (k + 1) + " of cell node " + node
                            + " must read node " + k + " ('~" + k + "'), found '~" + from + "'");
                }
                ops.add(op);
                col += item.length() + 1;
            }
            offset += group.length() + 1;
        }
        return new Nb201Cell(ops);
    }

    /** The canonical architecture string, the exact inverse of {@link #parse(String)}. */
    public String format() {
        StringBuilder sb = new StringBuilder(96);
        int e = 0;
        for (int node = 1; node <= 3; node++) {
            if (node > 1) {
                sb.append('+');
            }
            sb.append('|');
            for (int k = 0; k < node; k++, e++) {
                sb.append(edgeOps.get(e).opName()).append('~').append(EDGE_SOURCE[e]).append('|');
            }
        }
        return sb.toString();
    }

    /**
     * The V2 operation-on-node graph: nodes {@code v0..v7} with op types {@code input}, the six edge op names
     * in string order, {@code output}; the fixed adjacency 0→1,2,4; 1→3,5; 2→6; 3→6; 4,5,6→7. The
     * topological order is the node index order. The graph is named by {@link #format()}.
     */
    public NetworkGraph toGraph() {
        NetworkGraph.Builder b = NetworkGraph.builder(format());
        b.addNode(Node.simple("v0", Nb201Op.INPUT.opName()));
        for (int e = 0; e < EDGE_COUNT; e++) {
            b.addNode(Node.simple("v" + (e + 1), edgeOps.get(e).opName()));
        }
        b.addNode(Node.simple("v" + (GRAPH_NODE_COUNT - 1), Nb201Op.OUTPUT.opName()));
        for (int[] edge : GRAPH_EDGES) {
            b.addEdge("v" + edge[0], "v" + edge[1]);
        }
        return b.build();
    }

    /**
     * Whether a path of edges other than {@code none} joins the cell's input to its output. When not, every cell of
     * the network outputs zeros, and some compilers remove the stacked cells altogether: HELP's pixel3 and raspi4
     * latencies of such networks are near 0 ms (341 of the 15,625 cells).
     */
    public boolean outputConnected() {
        boolean[] reached = new boolean[4];
        reached[0] = true;
        int e = 0;
        for (int node = 1; node <= 3; node++) {
            for (int k = 0; k < node; k++, e++) {
                reached[node] |= reached[k] && edgeOps.get(e) != Nb201Op.NONE;
            }
        }
        return reached[3];
    }

    /** The fixed 8×8 V2 adjacency (row = from, column = to), identical for every cell. */
    public static boolean[][] graphAdjacency() {
        boolean[][] a = new boolean[GRAPH_NODE_COUNT][GRAPH_NODE_COUNT];
        for (int[] edge : GRAPH_EDGES) {
            a[edge[0]][edge[1]] = true;
        }
        return a;
    }

    @Override
    public String toString() {
        return format();
    }

    private static String edgeOpNames() {
        return Arrays.stream(Nb201Op.values()).filter(Nb201Op::isEdgeOp).map(Nb201Op::opName)
                .collect(Collectors.joining(", "));
    }

    private static BadInputException error(String source, String s, int column, String problem) {
        return new BadInputException(source, "column " + column + " of '" + s + "'", problem);
    }
}
