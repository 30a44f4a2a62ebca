package org.narformer.cells;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;

/**
 * The NAS-Bench search space a cell graph belongs to, which fixes how its node op types map to the reference
 * category codes (the two spaces give {@code output} different codes) and how many nodes a cell may have.
 */
public enum CellSpace {
    /** NAS-Bench-101: op codes input 0, conv1x1 1, conv3x3 2, maxpool 3, output 4; at most 7 nodes. */
    NB101(Nb101Cell.MAX_VERTICES),
    /** NAS-Bench-201: op codes input 0, nor_conv_1x1 1, nor_conv_3x3 2, avg_pool_3x3 3, skip 4, none 5, output 6; 8 nodes. */
    NB201(Nb201Cell.GRAPH_NODE_COUNT);

    private final int maxNodes;

    CellSpace(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    /** Most nodes a cell graph of this space has (7 for NB101, 8 for NB201). */
    public int maxNodes() {
        return maxNodes;
    }

    /** The category code of {@code opType}, or −1 when it is not an op of this space. */
    public int opCode(String opType) {
        if (this == NB101) {
            Nb101Op op = Nb101Op.byName(opType);
            return op == null ? -1 : op.code();
        }
        Nb201Op op = Nb201Op.byName(opType);
        return op == null ? -1 : op.code();
    }

    /**
     * The category codes of all nodes of {@code graph}, in topological order.
     *
     * @throws BadInputException naming the graph and node whose op type is not of this space, or when the graph has
     *                           more nodes than the space allows
     */
    public int[] opCodes(NetworkGraph graph) {
        if (graph.nodeCount() > maxNodes) {
            throw new BadInputException(graph.name(), null, "a " + this + " cell has at most " + maxNodes
                    + " nodes, this graph has " + graph.nodeCount());
        }
        int[] codes = new int[graph.nodeCount()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = opCode(graph.node(i).opType());
            if (codes[i] < 0) {
                throw new BadInputException(graph.name(), "node '" + graph.node(i).name() + "'",
                        "op type '" + graph.node(i).opType() + "' is not a " + this + " operation");
            }
        }
        return codes;
    }
}
