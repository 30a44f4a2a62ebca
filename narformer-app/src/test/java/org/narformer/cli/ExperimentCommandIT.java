package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiment leave-one-family-out} and {@code in-domain} end to end on 12 generated networks of two
 * families with made-up latencies, tiny models: the report's numbers are those of the written predictions.
 */
class ExperimentCommandIT {
    @Test
    void leaveOneFamilyOutAndInDomainWriteConsistentReports(@TempDir Path dir) throws Exception {
        Path labelFile = CliTestSupport.labelledNetworks(dir, List.of("nasbench201", "mobilenetv3"), 6);

        Path out = dir.resolve("lofo");
        CliTestSupport.Run run = CliTestSupport.run("experiment", "leave-one-family-out", "--labels",
                labelFile.toString(), "--epochs", "2", "--hidden", "16", "--seeds", "2", "--validation", "0.34",
                "--no-progress", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of("nasbench201", "mobilenetv3", "average"),
                List.of(report.get("rows").get(0).get("fold").asText(), report.get("rows").get(1).get("fold").asText(),
                        report.get("rows").get(2).get("fold").asText()));
        JsonNode v2 = report.get("rows").get(0).get("cells").get("v2");
        assertEquals(2, v2.get("seeds").asInt());
        for (JsonNode row : report.get("rows")) {
            for (String m : List.of("v2", "nnlp")) {
                JsonNode c = row.get("cells").get(m);
                double onTest = c.get("mapeBestOnTest").asDouble();
                assertTrue(onTest <= c.get("mape").asDouble() + 1e-12 && onTest <= c.get("mapeLast").asDouble() + 1e-12,
                        "the best-on-test epoch is at least as good on test as any other: " + c);
            }
        }
        assertTrue(Files.readString(out.resolve("table.txt")).contains("best-on-test (ref., optimistic)"));
        double flopsMape = report.get("rows").get(0).get("cells").get("flops").get("mape").asDouble();

        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + 2 * (6 * 2 + 6 * 2 + 6 + 6), rows.size(), "per fold: v2 and nnlp twice, two regressions");
        double sum = 0;
        int n = 0;
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            if (f[0].equals("nasbench201") && f[1].equals("flops")) {
                sum += Math.abs(Double.parseDouble(f[8]) - Double.parseDouble(f[7])) / Double.parseDouble(f[7]);
                n++;
            }
        }
        assertEquals(6, n);
        assertEquals(sum / n, flopsMape, 1e-9, "the report is computed from the written predictions");
        for (String m : List.of("v2", "nnlp", "flops", "flops-mac")) {
            assertTrue(Files.size(out.resolve("scatter-" + m + ".png")) > 1000);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"sha256\"") && manifest.contains("\"folds\""), manifest);
        assertTrue(Files.notExists(out.resolve("scratch")), "checkpoints of the runs are cleaned up");

        // the same protocol split over two invocations and merged gives the same regression rows
        for (String family : List.of("nasbench201", "mobilenetv3")) {
            assertEquals(0, CliTestSupport.run("experiment", "leave-one-family-out", "--labels", labelFile.toString(),
                    "--methods", "flops,flops-mac", "--validation", "0.34", "--families", family, "--no-progress",
                    "--out", dir.resolve("part-" + family).toString()).exitCode());
        }
        CliTestSupport.Run merged = CliTestSupport.run("experiment", "merge", dir.resolve("part-nasbench201").toString(),
                dir.resolve("part-mobilenetv3").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, merged.exitCode(), merged.err());
        JsonNode mergedReport = new ObjectMapper().readTree(dir.resolve("merged/report.json").toFile());
        assertEquals(3, mergedReport.get("rows").size());
        assertEquals(flopsMape, mergedReport.get("rows").get(0).get("cells").get("flops").get("mape").asDouble(), 1e-12);
        assertEquals(report.get("rows").get(2).get("cells").get("flops-mac").get("mape").asDouble(),
                mergedReport.get("rows").get(2).get("cells").get("flops-mac").get("mape").asDouble(), 1e-12);

        // one directory re-reported with an average that leaves a fold out: that row is the other fold's figures
        CliTestSupport.Run without = CliTestSupport.run("experiment", "merge", dir.resolve("merged").toString(),
                "--average-without", "nasbench201", "--out", dir.resolve("without").toString());
        assertEquals(0, without.exitCode(), without.err());
        JsonNode withoutRows = new ObjectMapper().readTree(dir.resolve("without/report.json").toFile()).get("rows");
        assertEquals("average without nasbench201", withoutRows.get(3).get("fold").asText());
        assertEquals(withoutRows.get(1).get("cells").get("flops").get("mape").asDouble(),
                withoutRows.get(3).get("cells").get("flops").get("mape").asDouble(), 1e-12);
        CliTestSupport.Run badFold = CliTestSupport.run("experiment", "merge", dir.resolve("merged").toString(),
                "--average-without", "resnet", "--out", dir.resolve("bad-fold").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), badFold.exitCode());
        assertTrue(badFold.err().contains("no fold named 'resnet' (folds: nasbench201, mobilenetv3)"), badFold.err());
        assertTrue(Files.notExists(dir.resolve("bad-fold")), "nothing written for bad input");
        CliTestSupport.Run badLofo = CliTestSupport.run("experiment", "leave-one-family-out", "--labels",
                labelFile.toString(), "--methods", "flops", "--average-without", "resnet", "--no-progress", "--out",
                dir.resolve("bad-lofo").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), badLofo.exitCode());
        assertTrue(badLofo.err().contains("no fold named 'resnet'"), badLofo.err());
        assertTrue(Files.notExists(dir.resolve("bad-lofo")), "checked before anything is fitted or written");

        CliTestSupport.Run inDomain = CliTestSupport.run("experiment", "in-domain", "--labels", labelFile.toString(),
                "--methods", "v2,nnlp,v1,flops", "--epochs", "1", "--hidden", "16", "--test", "0.34", "--validation",
                "0.5", "--output-scale", "train-mean", "--objective", "log-mse", "--v2-static", "with-raw", "--v1-width",
                "24", "--v1-static", "with-raw", "--no-progress", "--out", dir.resolve("in").toString());
        assertEquals(0, inDomain.exitCode(), inDomain.err());
        JsonNode inReport = new ObjectMapper().readTree(dir.resolve("in/report.json").toFile());
        assertTrue(inReport.get("rows").get(0).get("cells").get("v1").get("mape").asDouble() > 0, inReport.toString());
        assertTrue(Files.size(dir.resolve("in/scatter-v1.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("in/manifest.json")).contains("\"v1Width\" : 24"));
        JsonNode training = new ObjectMapper().readTree(dir.resolve("in/manifest.json").toFile()).get("training");
        assertEquals("LOG_MSE", training.get("v1").get("objective").asText(), "log-MSE replaces V1's MSE too");
        assertEquals(1, training.get("v2").get("epochs").asInt());
        assertTrue(training.get("flops") == null, "regressions are not trained");
        assertTrue(Files.readString(dir.resolve("in/table.txt")).contains("in-domain"));
        assertTrue(Files.readString(dir.resolve("in/manifest.json")).contains("\"TRAIN_MEAN\""));
        assertTrue(Files.readString(dir.resolve("in/manifest.json")).contains("\"LOG_MSE\""));
        assertTrue(Files.readString(dir.resolve("in/manifest.json")).contains("\"v1Static\" : \"WITH_RAW\""));
        assertTrue(Files.readString(dir.resolve("in/manifest.json")).contains("\"v2Static\" : \"WITH_RAW\""));
        CliTestSupport.Run badWidth = CliTestSupport.run("experiment", "in-domain", "--labels",
                labelFile.toString(), "--methods", "v1", "--v1-width", "100", "--out", dir.resolve("in5").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), badWidth.exitCode());
        assertTrue(badWidth.err().contains("multiple of 6"), badWidth.err());
        CliTestSupport.Run badStatic = CliTestSupport.run("experiment", "in-domain", "--labels",
                labelFile.toString(), "--v2-static", "raw", "--out", dir.resolve("in4").toString());
        assertEquals(ExitCode.USAGE.code(), badStatic.exitCode());
        assertTrue(badStatic.err().contains("reference or with-raw, not 'raw'"), badStatic.err());
        assertEquals(ExitCode.USAGE.code(), CliTestSupport.run("experiment", "in-domain", "--labels",
                labelFile.toString(), "--output-scale", "huge", "--out", dir.resolve("in2").toString()).exitCode());
        CliTestSupport.Run badObjective = CliTestSupport.run("experiment", "in-domain", "--labels",
                labelFile.toString(), "--objective", "l1", "--out", dir.resolve("in3").toString());
        assertEquals(ExitCode.USAGE.code(), badObjective.exitCode());
        assertTrue(badObjective.err().contains("relative-mse or log-mse"), badObjective.err());
    }

    @Test
    void badRowsAndMissingNetworksAreReported(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, List.of("1 a.onnx 1 2.0 fam 0 train", "2 b.onnx 1 -3 fam 0 train"));
        CliTestSupport.Run run = CliTestSupport.run("experiment", "in-domain", "--labels", bad.toString(),
                "--no-progress", "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("bad.txt") && run.err().contains("2"), run.err());
        assertEquals(0, CliTestSupport.run("experiment", "leave-one-family-out", "--help").exitCode());
        CliTestSupport.Run missing = CliTestSupport.run("experiment", "in-domain", "--labels",
                dir.resolve("none.txt").toString(), "--out", dir.resolve("o2").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("none.txt"), missing.err());
        assertEquals(ExitCode.USAGE.code(), CliTestSupport.run("experiment", "in-domain").exitCode());
    }
}
