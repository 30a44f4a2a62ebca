package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.cells.Nb201Cell;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/**
 * Golden values from the official V1 {@code model.model.tokenizer(ops, adj, 32, 32, 32, 'nerf')} and the
 * depth-token embedder run with torch 1.13.1 (float32 bits); the Java tokens matched all 1,728 (NB201 cell),
 * 1,536 (NB101 cell) and 2 × 192 (depth) values bit for bit. Values marked "SLEEF" are ones a glibc sine gets
 * wrong.
 */
class V1CellTokenizerTest {
    static final String ARCH = "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";

    @Test
    void nb201CellTokensWithSourceCodesAndEndToken() {
        NetworkGraph g = Nb201Cell.parse(ARCH).toGraph();
        TokenizedGraph t = V1CellTokenizer.of(CellSpace.NB201).tokenize(g);
        assertEquals(9, t.nodeCount());
        assertEquals(192, t.tokenDim());
        // node 0: source = PE(-1)
        assertEquals(0x33bbbd2e, bits(t.token(0, 128)));
        assertEquals(0xbf800000, bits(t.token(0, 129)));
        assertEquals(0x3f71716f, bits(t.token(0, 130)));
        // node 3 reads node 1 only: source = PE(1)
        assertEquals(0xb3bbbd2e, bits(t.token(3, 128)));
        assertEquals(0xbf800000, bits(t.token(3, 129)));
        // node 6 reads nodes 2 and 3: source = PE(2) + PE(3) in float32
        assertEquals(0x34222168, bits(t.token(6, 128)));
        assertEquals(0x00000000, bits(t.token(6, 129)));
        assertEquals(0x3f939f78, bits(t.token(6, 130)));
        assertEquals(0x3d91fd90, bits(t.token(6, 131)));
        // SLEEF: PE(-1) at k = 10 and k = 24 of node 0's source code; node 1's op code at k = 5, 6
        assertEquals(0xbefdc50d, bits(t.token(0, 149)));
        assertEquals(0xbf4c6395, bits(t.token(0, 152)));
        assertEquals(0x3f05fdf2, bits(t.token(0, 178)));
        assertEquals(0x3f7ff890, bits(t.token(0, 189)));
        assertEquals(0xbefdc50d, bits(t.token(1, 11)));
        assertEquals(0x3f4c6395, bits(t.token(1, 12)));
        // op nor_conv_3x3 = 2 at k = 1 (torch frequencies equal numpy's there)
        assertEquals(0x3f208369, bits(t.token(1, 2)));
        assertEquals(0x334cde2e, bits(t.token(7, 0)));
        // end token: PE(1e5) in all three parts
        assertEquals(0x3c822c7c, bits(t.token(8, 0)));
        assertEquals(0x3f7ff7ba, bits(t.token(8, 1)));
        float[] end = Arrays.copyOfRange(t.tokens(), 8 * 192, 8 * 192 + 64);
        assertArrayEquals(end, Arrays.copyOfRange(t.tokens(), 8 * 192 + 64, 8 * 192 + 128));
        assertArrayEquals(end, Arrays.copyOfRange(t.tokens(), 8 * 192 + 128, 9 * 192));
        assertArrayEquals(NerfEncoding.torch(32).encode(1e5), end);
        // token layout: op | self position | source
        assertArrayEquals(NerfEncoding.torch(32).encode(5), Arrays.copyOfRange(t.tokens(), 2 * 192, 2 * 192 + 64));
        assertArrayEquals(NerfEncoding.torch(32).encode(2), Arrays.copyOfRange(t.tokens(), 2 * 192 + 64, 2 * 192 + 128));
        // the end token is not connected; the cell adjacency is symmetric
        for (int i = 0; i < 9; i++) {
            assertFalse(t.adjacent(8, i) || t.adjacent(i, 8));
        }
        assertEquals(t.adjacent(0, 1), t.adjacent(1, 0));
    }

    @Test
    void depthTokenEncodesTheNodeCountWith96TorchFrequencies() {
        float[] d = V1CellTokenizer.of(CellSpace.NB201).depthEncoding(8);
        assertEquals(192, d.length);
        assertEquals(0x353bbd2e, bits(d[0]));
        assertEquals(0x3f800000, bits(d[1]));
        assertEquals(0xbef0bcc3, bits(d[2]));
        assertEquals(0x3f61efca, bits(d[3]));
        // SLEEF
        assertEquals(0x3f6eef7d, bits(d[19]));
        assertEquals(0xbf7ff050, bits(d[32]));
        assertEquals(0xbf7e0949, bits(d[41]));
        assertEquals(0x3f511597, bits(d[63]));
    }

    @Test
    void nodeWithoutPredecessorIsRejected() {
        NetworkGraph g = NetworkGraph.builder("dangling")
                .addNode(Node.simple("a", "input")).addNode(Node.simple("b", "nor_conv_3x3"))
                .addNode(Node.simple("c", "output")).addEdge("a", "c").build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> V1CellTokenizer.of(CellSpace.NB201).tokenize(g));
        assertEquals("node 'b'", e.location().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new V1CellTokenizerConfig(16, 32, 32));
    }

    private static int bits(float v) {
        return Float.floatToRawIntBits(v);
    }
}
