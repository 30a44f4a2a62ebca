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
        List<String> validation = validationFiles(dir, labels);
        fitAndPredict(dir, labels, validation, "nnlp", "--method", "nnlp");
        fitAndPredict(dir, labels, validation, "v1", "--method", "v1", "--v1-width", "12", "--v1-static", "with-raw");
        Path out = fitAndPredict(dir, labels, validation, "v2", "--v2-static", "with-raw");
        JsonNode record = JSON.readTree(out.resolve("best/manifest.json").toFile()).get("data").get("latencyInput");
        assertEquals("with-raw", record.get("staticFeatures").asText());

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

    /** The validation networks of a fit: the last 2 of each family's 6 rows in the label file. */
    private static List<String> validationFiles(Path dir, Path labels) throws Exception {
        List<String> rows = Files.readAllLines(labels);
        List<String> files = new ArrayList<>();
        for (List<String> family : List.of(rows.subList(0, 6), rows.subList(6, 12))) {
            for (String row : family.subList(4, 6)) {
                files.add(dir.resolve(row.split(" ")[1]).toString());
            }
        }
        return files;
    }

    /**
     * Fits a tiny predictor with {@code options} into {@code dir/name}, then predicts the validation networks from
     * their ONNX files: their MAPE must be the fit's validation MAPE (predict reads files as the fit read its dataset).
     */
    private static Path fitAndPredict(Path dir, Path labels, List<String> validation, String name, String... options)
            throws Exception {
        Path out = dir.resolve(name);
        List<String> fitArgs = new ArrayList<>(List.of("latency", "fit", "--labels", labels.toString(), "--epochs", "3",
                "--hidden", "16", "--validation", "0.34", "--no-progress", "--out", out.toString()));
        fitArgs.addAll(List.of(options));
        CliTestSupport.Run fit = CliTestSupport.run(fitArgs.toArray(String[]::new));
        assertEquals(0, fit.exitCode(), fit.err());
        for (String f : List.of("best/manifest.json", "best/parameters.bin", "report.json", "table.txt", "scatter.png",
                "manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), name + ": " + f);
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals(name, manifest.get("method").asText());
        assertEquals(8, manifest.get("networks").get("train").asInt());
        assertEquals(4, manifest.get("networks").get("validation").asInt());

        Map<String, Double> measured = new HashMap<>();
        for (String row : Files.readAllLines(labels)) {
            String[] f = row.split(" ");
            measured.put(dir.resolve(f[1]).toString(), Double.parseDouble(f[3]));
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
        assertEquals(fitMape, ape / 4, 1e-6, name + ": predict reads ONNX files as the fit read its dataset");
        return out;
    }
}
