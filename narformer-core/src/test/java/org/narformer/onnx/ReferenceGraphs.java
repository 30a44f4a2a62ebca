package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/**
 * Golden graphs produced by the official V2 feature code ({@code reference-graphs.tsv}): node/edge counts and
 * SHA-256 digests of the sorted (name, op type) pairs, (name, shape) pairs ('-' where the reference's shape
 * inference misses a tensor) and edges, per file and batch size. They were made once, outside the project, by
 * running the official {@code onnx2nx} and {@code custom_shape_infer} (after forcing the batch dimension as
 * {@code graph_feature.modify_onnx_batch_size} does) under Debian's python3-onnx 1.12.0 and
 * python3-networkx 2.8.8; the project keeps only the resulting digests, not the script that ran that code.
 */
final class ReferenceGraphs {
    private ReferenceGraphs() {
    }

    record Row(String file, int batch, int nodes, int edges, String types, String shapes, String edgeDigest) { }

    static Map<String, Row> load() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceGraphs.class.getResourceAsStream("reference-graphs.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Row row = new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        f[4], f[5], f[6]);
                rows.put(row.file() + "@" + row.batch(), row);
            }
        }
        return rows;
    }

    /** Asserts that our graph is the reference's: same nodes, op types, edges, and shapes where it knows them. */
    static void assertMatches(Row expected, NetworkGraph g) {
        List<String> types = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (Node n : g.nodes()) {
            types.add(n.name() + "\t" + n.opType());
            StringBuilder dims = new StringBuilder();
            for (long d : n.outputShape().dims()) {
                dims.append(dims.length() == 0 ? "" : "x").append(d);
            }
            shapes.add(n.name() + "\t" + dims);
        }
        List<String> edges = new ArrayList<>();
        for (Edge e : g.edges()) {
            edges.add(g.node(e.from()).name() + "\t" + g.node(e.to()).name());
        }
        String where = expected.file() + " at batch " + expected.batch();
        assertEquals(expected.nodes(), g.nodeCount(), where);
        assertEquals(expected.edges(), g.edgeCount(), where);
        assertEquals(expected.types(), digest(types), where + ": node names and op types");
        assertEquals(expected.edgeDigest(), digest(edges), where + ": edges");
        if (!expected.shapes().equals("-")) {
            assertEquals(expected.shapes(), digest(shapes), where + ": output shapes");
        }
    }

    /** SHA-256 of the lines sorted by code point (as Python's {@code sorted}) and joined with newlines. */
    private static String digest(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
