package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

class Nb101CellTest {
    /** First rows of nb101_vis30k.csv: hash, adj_upper_bits, labels. */
    static final String[][] ROWS = {
        {"00005c142e6f48ac74fdcf73e3439874", "100110100001001010101", "-1 0 2 0 0 1 -2"},
        {"0000718c96730a92ea6d5242f8ce77e2", "100000100001000111101", "-1 1 1 0 1 0 -2"},
    };

    @Test
    void parsesDataFileFormAndFormatsBack() {
        Nb101Cell c = Nb101Cell.parse(ROWS[0][1], ROWS[0][2], "t");
        assertEquals(7, c.vertexCount());
        assertEquals(ROWS[0][1], c.adjUpperBits());
        assertEquals(ROWS[0][2], c.labels());
        assertTrue(c.hasEdge(0, 1) && c.hasEdge(0, 4) && c.hasEdge(0, 5) && c.hasEdge(1, 2) && c.hasEdge(5, 6));
        assertFalse(c.hasEdge(0, 2));
        assertEquals(9, c.edgeCount());
        assertEquals(List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.MAXPOOL3X3, Nb101Op.CONV3X3, Nb101Op.CONV3X3,
                Nb101Op.CONV1X1, Nb101Op.OUTPUT), c.ops());
        assertEquals(c, Nb101Cell.of(c.matrix(), c.ops()));
    }

    @Test
    void officialHashOfKnownRows() {
        for (String[] row : ROWS) {
            assertEquals(row[0], Nb101Cell.parse(row[1], row[2], "t").hash());
        }
        // the two smallest cells of nb101_all_423624_graphs.csv.gz
        assertEquals("043721b9c7fe8c5fad811d47d83132ec", Nb101Cell.parse("1", "-1 -2", "t").hash());
        assertEquals("b49ac8c578b4561d79ac7087988f1c61", Nb101Cell.parse("101", "-1 0 -2", "t").hash());
    }

    @Test
    void hashIsInvariantUnderRelabellingIntermediateVertices() {
        // 0→1, 0→2, 1→3, 2→3 with ops conv3x3 (1) and maxpool (2), then the same with 1 and 2 swapped
        Nb101Cell a = Nb101Cell.of(new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.MAXPOOL3X3, Nb101Op.OUTPUT));
        Nb101Cell b = Nb101Cell.of(new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.MAXPOOL3X3, Nb101Op.CONV3X3, Nb101Op.OUTPUT));
        assertEquals(a.hash(), b.hash());
        Nb101Cell c = Nb101Cell.of(new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.CONV3X3, Nb101Op.OUTPUT));
        assertFalse(a.hash().equals(c.hash()));
    }

    @Test
    void pruningRemovesVerticesOffEveryInputOutputPath() {
        // vertex 1 is a dead end (no path to output), vertex 2 has no input; only 0→3→4 survives
        Nb101Cell c = Nb101Cell.of(new int[][] {
            {0, 1, 0, 1, 0},
            {0, 0, 0, 0, 0},
            {0, 0, 0, 1, 0},
            {0, 0, 0, 0, 1},
            {0, 0, 0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.CONV1X1, Nb101Op.MAXPOOL3X3, Nb101Op.OUTPUT));
        Nb101Cell p = c.pruned();
        assertEquals("101 [-1 2 -2]", p.toString());
        assertFalse(c.isPruned());
        assertSame(p, p.pruned());
        assertEquals(p.hash(), c.hash());
        NetworkGraph g = c.toGraph();
        assertEquals(List.of("input", "maxpool3x3", "output"), g.nodes().stream().map(Node::opType).toList());
        assertEquals(List.of(new Edge(0, 1), new Edge(1, 2)), g.edges());
        assertEquals(p, Nb101Cell.fromGraph(g));
    }

    @Test
    void disconnectedCellIsRejectedAndSearchSpaceIsChecked() {
        Nb101Cell c = Nb101Cell.of(new int[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.OUTPUT));
        BadInputException e = assertThrows(BadInputException.class, c::pruned);
        assertTrue(e.problem().contains("not connected"));
        assertFalse(c.isInSearchSpace());
        int[][] full = new int[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = i + 1; j < 7; j++) {
                full[i][j] = 1;
            }
        }
        Nb101Cell dense = Nb101Cell.of(full, List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.CONV3X3,
                Nb101Op.CONV3X3, Nb101Op.CONV3X3, Nb101Op.CONV3X3, Nb101Op.OUTPUT));
        assertEquals(21, dense.edgeCount());
        assertFalse(dense.isInSearchSpace());
        assertTrue(Nb101Cell.parse(ROWS[0][1], ROWS[0][2], "t").isInSearchSpace());
    }

    @Test
    void badFieldsAreLocated() {
        BadInputException bits = assertThrows(BadInputException.class,
                () -> Nb101Cell.parse("10", "-1 0 -2", "f.csv: line 7"));
        assertEquals("f.csv: line 7", bits.source());
        assertTrue(bits.problem().contains("expected 3 bits"), bits.problem());
        assertThrows(BadInputException.class, () -> Nb101Cell.parse("1x1", "-1 0 -2", "f"));
        BadInputException label = assertThrows(BadInputException.class, () -> Nb101Cell.parse("101", "-1 7 -2", "f"));
        assertTrue(label.problem().contains("label 2 is '7'"), label.problem());
        assertThrows(BadInputException.class, () -> Nb101Cell.parse("101", "-1 -2 0", "f"));
        assertThrows(BadInputException.class, () -> Nb101Cell.parse("1".repeat(28), "-1 0 0 0 0 0 0 -2", "f"));
        assertThrows(IllegalArgumentException.class, () -> Nb101Cell.of(new int[][] {{0, 0}, {1, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.OUTPUT)));
    }
}
