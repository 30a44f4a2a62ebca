package org.narformer.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;

class NetworkGraphTest {

    private static NetworkGraph.Builder diamond() {
        // insertion order deliberately not topological: d, b, c, a
        return NetworkGraph.builder("diamond")
                .addNode(Node.simple("d", "Add"))
                .addNode(Node.simple("b", "Relu"))
                .addNode(Node.simple("c", "Sigmoid"))
                .addNode(Node.simple("a", "Input"))
                .addEdge("a", "b").addEdge("a", "c").addEdge("b", "d").addEdge("c", "d");
    }

    @Test
    void topologicalOrderBreaksTiesByInsertionOrder() {
        NetworkGraph g = diamond().build();
        assertEquals(List.of("a", "b", "c", "d"), g.nodes().stream().map(Node::name).toList());
        // b was inserted before c, so it comes first although both are ready after a
        NetworkGraph swapped = NetworkGraph.builder("x")
                .addNode(Node.simple("c", "Sigmoid")).addNode(Node.simple("b", "Relu"))
                .addNode(Node.simple("a", "Input")).addNode(Node.simple("d", "Add"))
                .addEdge("a", "b").addEdge("a", "c").addEdge("b", "d").addEdge("c", "d").build();
        assertEquals(List.of("a", "c", "b", "d"), swapped.nodes().stream().map(Node::name).toList());
    }

    @Test
    void edgesPointForwardAndAdjacencyIsSymmetricWithoutSelfLoops() {
        NetworkGraph g = diamond().build();
        assertEquals(4, g.edgeCount());
        for (Edge e : g.edges()) {
            assertTrue(e.from() < e.to());
        }
        boolean[] a = g.symmetricAdjacency();
        int n = g.nodeCount();
        int nonzeros = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(!a[i * n + i]);
            for (int j = 0; j < n; j++) {
                assertEquals(a[i * n + j], a[j * n + i]);
                nonzeros += a[i * n + j] ? 1 : 0;
            }
        }
        assertEquals(8, nonzeros);
        assertArrayEquals(new int[] {1, 2}, g.predecessors(3));
        assertEquals(2, g.undirectedDegree(0));
        assertEquals(Map.of("Add", 1, "Input", 1, "Relu", 1, "Sigmoid", 1), g.opHistogram());
    }

    @Test
    void duplicateEdgesCollapse() {
        NetworkGraph g = NetworkGraph.builder("dup").addNode(Node.simple("x", "Input"))
                .addNode(Node.simple("y", "Add")).addEdge("x", "y").addEdge("x", "y").build();
        assertEquals(1, g.edgeCount());
    }

    @Test
    void cycleIsReportedWithANode() {
        NetworkGraph.Builder b = diamond().addEdge("d", "a");
        BadInputException e = assertThrows(BadInputException.class, b::build);
        assertTrue(e.getMessage().startsWith("diamond: node '"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void danglingInputIsReportedWithTheConsumer() {
        NetworkGraph.Builder b = diamond().addEdge("ghost", "d");
        BadInputException e = assertThrows(BadInputException.class, b::build);
        assertEquals("diamond: node 'd': input 'ghost' is not produced by any node (dangling input)",
                e.getMessage());
    }

    @Test
    void duplicateNamesAndEmptyGraphsAreRejected() {
        assertThrows(BadInputException.class,
                () -> NetworkGraph.builder("g").addNode(Node.simple("a", "Input")).addNode(Node.simple("a", "Relu")));
        BadInputException e = assertThrows(BadInputException.class, () -> NetworkGraph.builder("empty").build());
        assertEquals("empty: the graph has no nodes", e.getMessage());
    }

    @Test
    void shapesAreImmutableValues() {
        long[] dims = {1, 3, 224, 224};
        TensorShape s = TensorShape.of(dims);
        dims[0] = 7;
        assertEquals(1, s.dim(0));
        assertEquals(150528, s.elementCount());
        assertEquals("[1x3x224x224]", s.toString());
        assertEquals(TensorShape.of(1, 3, 224, 224), s);
        assertThrows(IllegalStateException.class, TensorShape.UNKNOWN::rank);
    }
}
