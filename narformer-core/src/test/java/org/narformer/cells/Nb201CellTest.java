package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

class Nb201CellTest {
    static final String ARCH = "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";

    @Test
    void parsesOpsInStringOrderAndFormatsBack() {
        Nb201Cell cell = Nb201Cell.parse(ARCH);
        assertEquals(List.of(Nb201Op.NOR_CONV_3X3, Nb201Op.NONE, Nb201Op.SKIP_CONNECT, Nb201Op.AVG_POOL_3X3,
                Nb201Op.NONE, Nb201Op.NOR_CONV_1X1), cell.edgeOps());
        assertEquals(ARCH, cell.format());
        assertEquals(cell, Nb201Cell.of(Nb201Op.NOR_CONV_3X3, Nb201Op.NONE, Nb201Op.SKIP_CONNECT,
                Nb201Op.AVG_POOL_3X3, Nb201Op.NONE, Nb201Op.NOR_CONV_1X1));
    }

    @Test
    void outputIsConnectedWhenANonNonePathJoinsInputToOutput() {
        assertTrue(Nb201Cell.parse(ARCH).outputConnected(), "edge 0->3 is avg_pool");
        assertTrue(Nb201Cell.parse("|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_1x1~1|none~2|")
                .outputConnected(), "0->1->3");
        assertTrue(Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|")
                .outputConnected(), "0->1->2->3");
        assertFalse(Nb201Cell.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|")
                .outputConnected(), "nothing enters node 3");
        assertFalse(Nb201Cell.parse("|none~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|")
                .outputConnected(), "nodes 1 and 2 are never reached");
    }

    @Test
    void unknownOpIsLocated() {
        String bad = "|nor_conv_3x3~0|+|none~0|conv_5x5~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";
        BadInputException e = assertThrows(BadInputException.class, () -> Nb201Cell.parse(bad, "f.csv: line 3"));
        assertEquals("f.csv: line 3", e.source());
        assertEquals("column 26 of '" + bad + "'", e.location().orElseThrow());
        assertEquals('c', bad.charAt(25));
        assertTrue(e.problem().contains("unknown op 'conv_5x5'"), e.problem());
    }

    @Test
    void wrongNodeCountAndWrongSourceAndSyntaxAreLocated() {
        BadInputException twoNodes = assertThrows(BadInputException.class,
                () -> Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|"));
        assertTrue(twoNodes.problem().contains("expected 3 cell nodes"), twoNodes.problem());

        BadInputException edges = assertThrows(BadInputException.class,
                () -> Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|"));
        assertTrue(edges.problem().contains("cell node 2 must have 2 incoming edge(s), found 1"), edges.problem());
        assertTrue(edges.location().orElseThrow().startsWith("column 18 "), edges.location().orElseThrow());

        String wrongSource = "|nor_conv_3x3~0|+|none~0|skip_connect~0|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";
        BadInputException src = assertThrows(BadInputException.class, () -> Nb201Cell.parse(wrongSource));
        assertTrue(src.problem().contains("must read node 1"), src.problem());
        assertEquals('0', wrongSource.charAt(38));
        assertTrue(src.location().orElseThrow().startsWith("column 39 "), src.location().orElseThrow());

        BadInputException syntax = assertThrows(BadInputException.class,
                () -> Nb201Cell.parse("nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|"));
        assertTrue(syntax.problem().contains("must be written |op~i|"), syntax.problem());

        BadInputException noTilde = assertThrows(BadInputException.class,
                () -> Nb201Cell.parse("|nor_conv_3x3|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|"));
        assertTrue(noTilde.problem().contains("expected op~i"), noTilde.problem());

        assertThrows(BadInputException.class,
                () -> Nb201Cell.parse("|input~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|"));
    }

    @Test
    void graphHasFixedV2AdjacencyAndOpsOnNodes() {
        NetworkGraph g = Nb201Cell.parse(ARCH).toGraph();
        assertEquals(8, g.nodeCount());
        assertEquals(List.of("input", "nor_conv_3x3", "none", "skip_connect", "avg_pool_3x3", "none", "nor_conv_1x1",
                "output"), g.nodes().stream().map(Node::opType).toList());
        assertEquals(List.of(new Edge(0, 1), new Edge(0, 2), new Edge(0, 4), new Edge(1, 3), new Edge(1, 5),
                new Edge(2, 6), new Edge(3, 6), new Edge(4, 7), new Edge(5, 7), new Edge(6, 7)), g.edges());
        assertEquals(ARCH, g.name());
        boolean[][] a = Nb201Cell.graphAdjacency();
        for (Edge e : g.edges()) {
            assertTrue(a[e.from()][e.to()]);
        }
    }
}
