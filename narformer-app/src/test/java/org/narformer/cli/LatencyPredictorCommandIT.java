package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latency fit} then {@code latency predict} end to end on 12 generated networks of two families with made-up
 * latencies and a tiny model: the networks {@code predict} reads from their ONNX files get exactly the predictions
 * the fit scored its validation networks with (tokenized from the dataset), and bad input is refused or skipped.
 */
class LatencyPredictorCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fitThenPredictGivesTheFitsValidationPredictions(@TempDir Path dir) throws Exception {
        Path labels = CliTestSupport.labelledNetworks(dir, List.of("nasbench201", "mobilenetv3"), 6);
        Path out = dir.resolve("predictor");
        CliTestSupport.Run fit = CliTestSupport.run("latency", "fit", "--labels", labels.toString(), "--epochs", "3",
                "--hidden", "16", "--v2-static", "with-raw", "--validation", "0.34", "--no-progress", "--out",
                out.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        for (String f : List.of("best/manifest.json", "best/parameters.bin", "report.json", "table.txt", "scatter.png",
                "manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("v2", manifest.get("method").asText());
        assertEquals(8, manifest.get("networks").get("train").asInt());
        assertEquals(4, manifest.get("networks").get("validation").asInt());
        JsonNode record = JSON.readTree(out.resolve("best/manifest.json").toFile()).get("data").get("latencyInput");
        assertEquals("with-raw", record.get("staticFeatures").asText());

        // the validation networks: the last 2 of each family in the label file
        Map<String, Double> measured = new HashMap<>();
        List<String> validation = new ArrayList<>();
        List<String> rows = Files.readAllLines(labels);
        for (List<String> family : List.of(rows.subList(0, 6), rows.subList(6, 12))) {
            for (String row : family.subList(4, 6)) {
                String[] f = row.split(" ");
                validation.add(dir.resolve(f[1]).toString());
                measured.put(dir.resolve(f[1]).toString(), Double.parseDouble(f[3]));
            }
        }
        List<String> args = new ArrayList<>(List.of("latency", "predict", "--predictor", out.toString(), "--format",
                "json"));
        args.addAll(validation);
        CliTestSupport.Run predict = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, predict.exitCode(), predict.err());
        JsonNode networks = JSON.readTree(predict.out()).get("networks");
        assertEquals(4, networks.size());
        double ape = 0;
        for (JsonNode n : networks) {
            double p = n.get("latencyMs").asDouble();
            assertTrue(Double.isFinite(p) && p >= 0, n.toString());
            ape += Math.abs(p - measured.get(n.get("file").asText())) / measured.get(n.get("file").asText());
        }
        double fitMape = JSON.readTree(out.resolve("report.json").toFile()).get("overall").get("mape").asDouble();
        assertEquals(fitMape, ape / 4, 1e-6, "predict reads ONNX files as the fit read its dataset");

        // a bad file among good ones: reported with its name, the others predicted, exit 5
        Path bad = dir.resolve("broken.onnx");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        CliTestSupport.Run partial = CliTestSupport.run("latency", "predict", "--predictor", out.toString(),
                "--format", "csv", validation.get(0), bad.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), partial.exitCode());
        assertTrue(partial.err().contains("broken.onnx"), partial.err());
        assertEquals(2, partial.out().strip().split("\n").length, partial.out());
        CliTestSupport.Run allBad = CliTestSupport.run("latency", "predict", "--predictor", out.toString(),
                bad.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), allBad.exitCode());

        // refusals: an existing predictor, a regression as the method, a NAS-Bench checkpoint as the predictor
        CliTestSupport.Run again = CliTestSupport.run("latency", "fit", "--labels", labels.toString(), "--epochs", "1",
                "--hidden", "16", "--no-progress", "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), again.exitCode());
        assertTrue(again.err().contains("already holds a predictor"), again.err());
        CliTestSupport.Run flops = CliTestSupport.run("latency", "fit", "--labels", labels.toString(), "--method",
                "flops", "--no-progress", "--out", dir.resolve("flops").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), flops.exitCode());
        assertFalse(Files.exists(dir.resolve("flops")));
        Path nasBench = Path.of("../narformer-model/src/test/resources/org/narformer/model/checkpoint-v1");
        CliTestSupport.Run notLatency = CliTestSupport.run("latency", "predict", "--predictor", nasBench.toString(),
                validation.get(0));
        assertEquals(ExitCode.BAD_INPUT.code(), notLatency.exitCode());
        assertTrue(notLatency.err().contains("not a latency predictor"), notLatency.err());
    }
}
