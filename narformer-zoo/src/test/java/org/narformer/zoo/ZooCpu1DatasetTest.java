package org.narformer.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The committed dataset {@code datasets/zoo-cpu1}: 200 measured networks per family, every labelled network
 * recorded by the generator, and the generator still building the recorded networks from their seeds (so the
 * uncommitted ONNX files can be regenerated).
 */
class ZooCpu1DatasetTest {
    private static final Path DATASET = Path.of("..", "datasets", "zoo-cpu1");

    @Test
    void everyLabelledNetworkRegeneratesFromItsSeed() throws IOException {
        Map<String, String[]> models = new HashMap<>();
        for (String line : Files.readAllLines(DATASET.resolve("models.csv")).subList(1, 2001)) {
            String[] f = line.split(",");
            models.put("zoo/" + f[0], f);
        }
        List<String> labels = Files.readAllLines(DATASET.resolve("latency.txt"));
        assertEquals(2000, labels.size());
        Map<String, Integer> perFamily = new TreeMap<>();
        for (String line : labels) {
            String[] f = line.split(" ");
            assertTrue(models.containsKey(f[1]), "labelled network not in models.csv: " + f[1]);
            assertEquals(models.get(f[1])[1], f[4], "family of " + f[1]);
            assertTrue(Double.parseDouble(f[3]) > 0, line);
            perFamily.merge(f[4], 1, Integer::sum);
        }
        assertEquals(10, perFamily.size());
        assertTrue(perFamily.values().stream().allMatch(n -> n == 200), perFamily.toString());

        for (ModelFamily family : ModelFamily.values()) {
            for (long seed : new long[] {0, 199}) {
                String path = String.format("zoo/%s/%s_%06d.onnx", family.familyName(), family.familyName(), seed);
                NetworkStats stats = NetworkStats.of(family.variant(seed, 0.2, 1.8).toGraph());
                assertEquals(Long.parseLong(models.get(path)[3]), stats.paramCount(), path + " parameters");
                assertEquals(Long.parseLong(models.get(path)[4]), stats.macCount(), path + " MACs");
            }
        }
    }
}
