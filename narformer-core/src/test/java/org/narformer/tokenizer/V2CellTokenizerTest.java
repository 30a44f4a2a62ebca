package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb101Op;
import org.narformer.cells.Nb201Cell;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/**
 * Golden values from the official {@code data_and_encoding_generate.tokenizer(ops, adj, 32, 32, 'nerf', 'pe')}
 * run with numpy 1.24.2; the Java tokens matched it bit for bit in all 1,024 (NB201) and 896 (NB101) values.
 */
class V2CellTokenizerTest {
    static final String ARCH = "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";

    @Test
    void nb201CellTokens() {
        NetworkGraph g = Nb201Cell.parse(ARCH).toGraph();
        TokenizedGraph t = V2CellTokenizer.of(CellSpace.NB201).tokenize(g);
        assertEquals(8, t.nodeCount());
        assertEquals(128, t.tokenDim());
        assertEquals(0, t.staticDim());
        double[] rowSums = {64.0, 6.075728, 0.41631, 3.535617, 3.535617, -5.65058, 4.597717, 3.848304};
        double total = 0;
        for (int i = 0; i < 8; i++) {
            double s = 0;
            for (int j = 0; j < 128; j++) {
                s += t.token(i, j);
            }
            assertEquals(rowSums[i], s, 1e-5, "row " + i);
            total += s;
        }
        assertEquals(80.35871466135889, total, 1e-9);
        assertEquals(0x3f208369, Float.floatToRawIntBits(t.token(1, 2)));   // op nor_conv_3x3 = 2, k = 1, sin
        assertEquals(0xbf476d89, Float.floatToRawIntBits(t.token(1, 3)));
        assertEquals(0x3f208369, Float.floatToRawIntBits(t.token(2, 66)));  // position 2, k = 1, sin
        assertEquals(-0.06448986f, t.token(7, 10));
        assertArrayEquals(g.symmetricAdjacency(), t.adjacency());
        assertTrue(t.adjacent(0, 1) && t.adjacent(1, 0) && t.adjacent(6, 7));
        assertFalse(t.adjacent(1, 2) || t.adjacent(3, 3));
    }

    @Test
    void nb101CellTokensAndPaddingToSeven() {
        NetworkGraph g = Nb101Cell.parse("100110100001001010101", "-1 0 2 0 0 1 -2", "t").toGraph();
        TokenizedGraph t = V2CellTokenizer.of(CellSpace.NB101).tokenize(g);
        double[] rowSums = {64.0, 6.075728, 7.550388, 7.550388, 2.46843, 0.008838, 0.990419};
        for (int i = 0; i < 7; i++) {
            double s = 0;
            for (int j = 0; j < 128; j++) {
                s += t.token(i, j);
            }
            assertEquals(rowSums[i], s, 1e-5, "row " + i);
        }
        assertEquals(-0.8609592f, t.token(6, 10));
        assertSame(t, TokenPadding.pad(t, TokenPadding.NB101_MAX_LEN));

        NetworkGraph small = Nb101Cell.of(new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
                List.of(Nb101Op.INPUT, Nb101Op.CONV3X3, Nb101Op.MAXPOOL3X3, Nb101Op.OUTPUT)).toGraph();
        TokenizedGraph s = V2CellTokenizer.of(CellSpace.NB101).tokenize(small);
        TokenizedGraph p = TokenPadding.pad(s, TokenPadding.NB101_MAX_LEN);
        assertEquals(7, p.nodeCount());
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 128; j++) {
                assertEquals(i < 4 ? s.token(i, j) : 0.0f, p.token(i, j));
            }
            for (int j = 0; j < 7; j++) {
                assertEquals(i < 4 && j < 4 && s.adjacent(i, j), p.adjacent(i, j));
            }
        }
        // the output node of a 4-node NB101 cell has code 4 at position 3
        assertArrayEquals(java.util.Arrays.copyOfRange(NerfEncoding.numpy(32).encode(4), 0, 64),
                java.util.Arrays.copyOfRange(s.tokens(), 3 * 128, 3 * 128 + 64));
        assertThrows(IllegalArgumentException.class, () -> TokenPadding.pad(p, 5));
    }

    @Test
    void opsOutsideTheSpaceAndTooManyNodesAreLocated() {
        NetworkGraph nb201 = Nb201Cell.parse(ARCH).toGraph();
        BadInputException tooMany = assertThrows(BadInputException.class,
                () -> V2CellTokenizer.of(CellSpace.NB101).tokenize(nb201));
        assertEquals(ARCH, tooMany.source());
        assertTrue(tooMany.problem().contains("at most 7 nodes"), tooMany.problem());
        NetworkGraph g = NetworkGraph.builder("mixed").addNode(Node.simple("a", "input"))
                .addNode(Node.simple("b", "nor_conv_3x3")).addNode(Node.simple("c", "output"))
                .addEdge("a", "b").addEdge("b", "c").build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> V2CellTokenizer.of(CellSpace.NB101).tokenize(g));
        assertEquals("mixed", e.source());
        assertEquals("node 'b'", e.location().orElseThrow());
        NetworkGraph conv = NetworkGraph.builder("onnx").addNode(Node.simple("x", "Conv")).build();
        assertThrows(BadInputException.class, () -> V2CellTokenizer.of(CellSpace.NB201).tokenize(conv));
    }
}
