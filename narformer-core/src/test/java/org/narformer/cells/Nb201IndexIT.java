package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;

/** All 15,625 NAS-Bench-201 strings of {@code nasbench201/nb201_merged.csv}. */
class Nb201IndexIT {

    @Test
    void everyArchStringRoundTripsAndMapsToADistinctCellGraph() throws IOException {
        var dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "no data directory (../shared/data or NARFORMER_DATA): skipping");
        Path csv = dir.get().file(Nb201Index.DATA_FILE);
        Nb201Index index = Nb201Index.read(csv);
        assertEquals(Nb201Index.SIZE, index.size());

        List<String> lines = Files.readAllLines(csv);
        Set<List<String>> graphs = new HashSet<>();
        int disconnected = 0;
        for (int i = 0; i < index.size(); i++) {
            String arch = lines.get(i + 1).split(",", 3)[1];
            Nb201Cell cell = Nb201Cell.parse(arch);
            assertEquals(arch, cell.format());
            assertEquals(i, index.indexOf(cell));
            NetworkGraph g = cell.toGraph();
            assertEquals(8, g.nodeCount());
            assertEquals(10, g.edgeCount());
            graphs.add(g.nodes().stream().map(Node::opType).toList());
            disconnected += cell.outputConnected() ? 0 : 1;
        }
        assertEquals(341, disconnected, "cells whose output no non-none path reaches");
        assertEquals(Nb201Index.SIZE, graphs.size(), "distinct cell graphs (the adjacency is fixed)");
        assertEquals("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
                index.cell(0).format());
    }
}
