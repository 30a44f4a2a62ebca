package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;

/**
 * {@code experiment multi-device} end to end on the real HELP tables with tiny models: NAS-Bench-201 (connected
 * cells) with two source devices, one target, k = 10 and 20, two seeds; FBNet on its first 120 networks.
 */
class ExperimentMultiDeviceCommandIT {
    @Test
    void writesBothTablesEveryRunAndThePlots(@TempDir Path dir) throws Exception {
        Optional<DataDirectory> data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        Path out = dir.resolve("md");
        CliTestSupport.Run run = CliTestSupport.run("experiment", "multi-device", "--sources", "1080ti_1,pixel3",
                "--targets", "raspi4", "--shots", "10,20", "--seeds", "2", "--epochs", "2", "--hidden", "16",
                "--layers", "1", "--train-networks", "200", "--validation-networks", "50", "--few-shot-steps", "5",
                "--connected-only", "--no-progress", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + 2 + 2 + 2 * 2 * 3, rows.size(), "per-device and multi-head per source; three methods per "
                + "k and seed");
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            assertEquals(15_625 - 341 - 250, Integer.parseInt(f[7]), "every predictor is scored on the same test set "
                    + "(the disconnected cells left out)");
            if (f[1].equals("transfer") || f[1].equals("nearest-device")) {
                assertTrue(List.of("1080ti_1", "pixel3").contains(f[4]), "started from a source head: " + r);
            }
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("average", report.get("sources").get(2).get("device").asText());
        JsonNode first = report.get("fewShot").get(0);
        assertEquals("raspi4", first.get("device").asText());
        assertEquals(2, first.get("methods").get("scratch").get("runs").asInt());
        String table = Files.readString(out.resolve("table.txt"));
        assertTrue(table.contains("multi-head MAPE") && table.contains("nearest-device MAPE"), table);
        for (String plot : List.of("multi-head", "scratch-k20", "transfer-k20", "nearest-device-k20")) {
            assertTrue(Files.size(out.resolve("scatter-" + plot + ".png")) > 1000, plot);
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(64, manifest.get("table").get("sha256").asText().length());
        assertEquals(200, manifest.get("split").get("train").asInt());
        assertEquals(341, manifest.get("leftOutDisconnectedCells").asInt());
        assertTrue(Files.notExists(out.resolve("scratch")), "checkpoints of the fits are cleaned up");
    }

    @Test
    void fbnetNetworksAreBuiltFromTheirCodesAndTokenizedWhole(@TempDir Path dir) throws Exception {
        assumeTrue(DataDirectory.find(null).isPresent(), "../shared/data not found: skipping");
        Path out = dir.resolve("fbnet");
        CliTestSupport.Run run = CliTestSupport.run("experiment", "multi-device", "--space", "fbnet", "--networks",
                "120", "--sources", "1080ti_1,samsung_a50", "--targets", "raspi4", "--shots", "10", "--seeds", "1",
                "--epochs", "1", "--hidden", "16", "--layers", "1", "--train-networks", "60",
                "--validation-networks", "20", "--few-shot-steps", "3", "--no-progress", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + 2 + 2 + 3, rows.size());
        assertEquals(40, Integer.parseInt(rows.get(1).split(",")[7]), "120 networks - 60 - 20");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(120, manifest.get("networks").asInt());
        assertEquals(152, manifest.get("model").get("tokenDim").asInt(), "whole-network tokens");
    }

    @Test
    void unknownDeviceIsALocatedBadInputError(@TempDir Path dir) {
        assumeTrue(DataDirectory.find(null).isPresent(), "../shared/data not found: skipping");
        CliTestSupport.Run run = CliTestSupport.run("experiment", "multi-device", "--sources", "1080ti_1,tpu_v9",
                "--targets", "", "--epochs", "1", "--hidden", "16", "--no-progress", "--out",
                dir.resolve("x").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("help_nb201_latency.csv") && run.err().contains("tpu_v9"), run.err());
    }
}
