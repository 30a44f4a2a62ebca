package org.narformer.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.graph.NetworkGraph;

class ExampleNetworksTest {
    @Test
    void examplesAreByteIdenticalEveryTimeAndImportWithShapes() {
        List<ExampleNetworks.Example> first = ExampleNetworks.all();
        List<ExampleNetworks.Example> second = ExampleNetworks.all();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).fileName(), second.get(i).fileName());
            assertArrayEquals(first.get(i).model().toBytes(), second.get(i).model().toBytes(), first.get(i).fileName());
            NetworkGraph g = first.get(i).model().toGraph();
            assertTrue(g.nodes().stream().allMatch(n -> n.outputShape().isKnown()), first.get(i).fileName());
            assertTrue(first.get(i).model().toBytes().length < 200_000, "weight-stripped examples stay small");
        }
    }

    /** The files committed in examples/ are what the code generates (regenerate with {@code narformer zoo examples}). */
    @Test
    void committedExamplesMatchTheGenerator() throws IOException {
        Path dir = Path.of("../examples");
        for (ExampleNetworks.Example e : ExampleNetworks.all()) {
            Path file = dir.resolve(e.fileName());
            assertTrue(Files.isRegularFile(file), file + " missing: run ./narformer zoo examples");
            assertArrayEquals(e.model().toBytes(), Files.readAllBytes(file),
                    file + " is stale: run ./narformer zoo examples");
        }
    }
}
