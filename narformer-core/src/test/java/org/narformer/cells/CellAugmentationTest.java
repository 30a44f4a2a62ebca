package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/** Expected permutations come from running the reference {@code ac_aug_generate} functions of both papers. */
class CellAugmentationTest {
    static final String ARCH = "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";

    @Test
    void nb201BothPapersSwapTheLastTwoIntermediateNodes() {
        NetworkGraph g = Nb201Cell.parse(ARCH).toGraph();
        for (CellAugmentation aug : CellAugmentation.values()) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6, 5, 7}, aug.permutation(g).orElseThrow(), aug.name());
            NetworkGraph a = aug.augment(g).orElseThrow();
            // reference: ops [0,2,5,4,3,1,5,6]; adjacency 0→1,2,4; 1→3,6; 2→5; 3→5; 4,5,6→7
            assertEquals(List.of("input", "nor_conv_3x3", "none", "skip_connect", "avg_pool_3x3", "nor_conv_1x1",
                    "none", "output"), a.nodes().stream().map(Node::opType).toList());
            assertEquals(List.of(new Edge(0, 1), new Edge(0, 2), new Edge(0, 4), new Edge(1, 3), new Edge(1, 6),
                    new Edge(2, 5), new Edge(3, 5), new Edge(4, 7), new Edge(5, 7), new Edge(6, 7)), a.edges());
            assertSameFunction(g, a, aug.permutation(g).orElseThrow());
        }
        // same ops on every edge: the adjacency still changes, so the pair differs and qualifies
        NetworkGraph allSkip = Nb201Cell.of(Nb201Op.SKIP_CONNECT, Nb201Op.SKIP_CONNECT, Nb201Op.SKIP_CONNECT,
                Nb201Op.SKIP_CONNECT, Nb201Op.SKIP_CONNECT, Nb201Op.SKIP_CONNECT).toGraph();
        assertTrue(CellAugmentation.V2_FIRST_VALID.augment(allSkip).isPresent());
    }

    @Test
    void nb101V2SearchesFurtherThanV1() {
        // 0→1,2,3,4; 1→3,4; 2→3; 3→4: swapping 2 and 3 breaks the order (2→3), swapping 1 and 2 does not
        NetworkGraph g = Nb101Cell.parse("1111011101", "-1 1 1 0 -2", "t").toGraph();
        assertEquals(Optional.empty(), CellAugmentation.V1_FIRST_TWO.augment(g));
        int[] sigma = CellAugmentation.V2_FIRST_VALID.permutation(g).orElseThrow();
        assertArrayEquals(new int[] {0, 2, 1, 3, 4}, sigma);
        NetworkGraph a = CellAugmentation.V2_FIRST_VALID.augment(g).orElseThrow();
        // reference: ops [0,1,1,2,4], adjacency 0→1,2,3,4; 1→3; 2→3,4; 3→4
        assertEquals(Nb101Cell.parse("1111010111", "-1 1 1 0 -2", "t"), Nb101Cell.fromGraph(a));
        assertSameFunction(g, a, sigma);
        assertEquals(Nb101Cell.fromGraph(g).hash(), Nb101Cell.fromGraph(a).hash());
        assertSame(g, CellAugmentation.V1_FIRST_TWO.pairOf(g));
    }

    @Test
    void nb101V1SwapsTheLastTwoWhenValid() {
        NetworkGraph g = Nb101Cell.parse("1001111011", "-1 1 1 2 -2", "t").toGraph();
        for (CellAugmentation aug : CellAugmentation.values()) {
            NetworkGraph a = aug.augment(g).orElseThrow();
            assertEquals(Nb101Cell.parse("1001111011", "-1 1 2 1 -2", "t"), Nb101Cell.fromGraph(a), aug.name());
            assertEquals(Nb101Cell.fromGraph(g).hash(), Nb101Cell.fromGraph(a).hash());
            assertNotEquals(Nb101Cell.fromGraph(g), Nb101Cell.fromGraph(a));
        }
    }

    @Test
    void cellWithAUniqueTopologicalOrderHasNoAugmentation() {
        NetworkGraph chain = Nb101Cell.parse("110101", "-1 0 0 -2", "t").toGraph();
        for (CellAugmentation aug : CellAugmentation.values()) {
            assertEquals(Optional.empty(), aug.permutation(chain));
            assertSame(chain, aug.pairOf(chain));
        }
        NetworkGraph tiny = Nb101Cell.parse("1", "-1 -2", "t").toGraph();
        assertEquals(Optional.empty(), CellAugmentation.V2_FIRST_VALID.augment(tiny));
    }

    @Test
    void relabelRejectsPermutationsThatBreakTheOrder() {
        NetworkGraph g = Nb201Cell.parse(ARCH).toGraph();
        assertThrows(IllegalArgumentException.class,
                () -> CellAugmentation.relabel(g, new int[] {0, 3, 2, 1, 4, 5, 6, 7}));
        assertThrows(IllegalArgumentException.class, () -> CellAugmentation.relabel(g, new int[] {0, 1}));
    }

    /** Same multiset of ops, and every edge a→b of the original is σ⁻¹(a)→σ⁻¹(b) in the relabelled graph. */
    static void assertSameFunction(NetworkGraph original, NetworkGraph relabelled, int[] sigma) {
        int n = original.nodeCount();
        assertEquals(original.opHistogram(), relabelled.opHistogram());
        assertEquals(original.edgeCount(), relabelled.edgeCount());
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[sigma[i]] = i;
            assertEquals(original.node(sigma[i]).opType(), relabelled.node(i).opType());
        }
        for (Edge e : original.edges()) {
            assertTrue(relabelled.edges().contains(new Edge(position[e.from()], position[e.to()])), e.toString());
        }
        assertEquals(0, sigma[0]);
        assertEquals(n - 1, sigma[n - 1]);
    }
}
