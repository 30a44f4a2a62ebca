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

/** {@code zoo generate} then {@code profile}: a bad file gives exit code 5, a rerun keeps the rows. */
class ZooAndProfileCommandIT {
    @Test
    void generateThenProfileWithOneBadFile(@TempDir Path dir) throws Exception {
        Path zoo = dir.resolve("zoo");
        CliTestSupport.Run gen = CliTestSupport.run("zoo", "generate", "--family", "nasbench201", "--count", "2",
                "--seed", "5", "--out", zoo.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        assertTrue(Files.exists(zoo.resolve("nasbench201/nasbench201_000005.onnx")));
        assertEquals(3, Files.readAllLines(zoo.resolve("models.csv")).size());
        assertTrue(Files.readString(zoo.resolve("manifest.json")).contains("--count"));
        Files.writeString(zoo.resolve("nasbench201/broken.onnx"), "garbage");

        String[] args = {"profile", zoo.toString(), "--out", dir.resolve("lat").toString(), "--warmup", "1",
                "--min-runs", "3", "--runs", "4", "--time-cap", "5"};
        CliTestSupport.Run first = CliTestSupport.run(args);
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), first.exitCode(), first.err());
        assertTrue(first.err().contains("broken.onnx"), first.err());
        List<String> rows = Files.readAllLines(dir.resolve("lat/latency.txt"));
        assertEquals(2, rows.size());
        CliTestSupport.Run second = CliTestSupport.run(args);
        assertTrue(second.out().contains("measured 0, already measured 2"), second.out() + second.err());
        assertEquals(rows, Files.readAllLines(dir.resolve("lat/latency.txt")));

        String[] otherSettings = args.clone();
        otherSettings[5] = "2";
        CliTestSupport.Run mixed = CliTestSupport.run(otherSettings);
        assertEquals(ExitCode.BAD_INPUT.code(), mixed.exitCode(), mixed.err());
        assertTrue(mixed.err().contains("other settings"), mixed.err());

        CliTestSupport.Run summary = CliTestSupport.run("latency", "summary", dir.resolve("lat").toString(),
                "--json");
        assertEquals(0, summary.exitCode(), summary.err());
        JsonNode families = new ObjectMapper().readTree(summary.out()).get("families");
        assertEquals("nasbench201", families.get(0).get("family").asText());
        assertEquals(2, families.get(0).get("models").asInt());
        assertTrue(families.get(0).get("gflops").get(0).asDouble() > 0.001, summary.out());
        assertEquals("all", families.get(1).get("family").asText());

        String[] resample = {"profile", zoo.toString(), "--out", dir.resolve("again").toString(), "--warmup", "1",
                "--min-runs", "3", "--runs", "4", "--time-cap", "5", "--sample", "1", "--sample-seed", "3"};
        assertEquals(0, CliTestSupport.run(resample).exitCode() % 5, "the sample may include the broken file");
        CliTestSupport.Run compare = CliTestSupport.run("latency", "compare", dir.resolve("lat").toString(),
                dir.resolve("again").toString());
        if (Files.readAllLines(dir.resolve("again/latency.csv")).size() == 2) {
            assertEquals(0, compare.exitCode(), compare.err());
            assertTrue(compare.out().contains("all"), compare.out());
        } else {
            assertEquals(ExitCode.BAD_INPUT.code(), compare.exitCode(), "no model in common: " + compare.err());
        }
    }

    @Test
    void nnlqpNb201NetworksAndLabelsForTheExperiments(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.narformer.data.DataDirectory.find(null).isPresent(),
                "shared data not found");
        CliTestSupport.Run run = CliTestSupport.run("zoo", "nnlqp-nb201", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> labels = Files.readAllLines(dir.resolve("latency.txt"));
        assertEquals(2000, labels.size());
        assertEquals("18001 nasbench201/18001.onnx 1 0.714539 nasbench201 1 train", labels.get(0));
        assertEquals(200, labels.stream().filter(l -> l.endsWith(" test")).count());
        assertTrue(labels.subList(1800, 2000).stream().allMatch(l -> l.endsWith(" test")),
                "the test rows are the last 200, so 'experiment in-domain --test 0.1' is NNLQP's stage split");
        assertTrue(Files.size(dir.resolve("nasbench201/18001.onnx")) > 1000);
    }

    @Test
    void sampleIsDeterministicOrderedAndWithoutRepeats() {
        List<Path> files = java.util.stream.IntStream.range(0, 50).mapToObj(i -> Path.of("m" + (100 + i)))
                .toList();
        List<Path> a = org.narformer.profiler.ProfileRun.sample(files, 10, 7);
        assertEquals(a, org.narformer.profiler.ProfileRun.sample(files, 10, 7));
        assertEquals(10, a.stream().distinct().count());
        assertEquals(a.stream().sorted().toList(), a, "original order kept");
        assertEquals(files, org.narformer.profiler.ProfileRun.sample(files, 80, 7));
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, CliTestSupport.run("zoo", "generate", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("profile", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("latency", "summary", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("latency", "compare", "--help").exitCode());
        CliTestSupport.Run missing = CliTestSupport.run("latency", "summary", "no/such/latency.csv");
        assertEquals(ExitCode.BAD_INPUT.code(), missing.exitCode());
        assertTrue(missing.err().contains("no/such/latency.csv"), missing.err());
        assertEquals(ExitCode.USAGE.code(), CliTestSupport.run("zoo", "generate", "--family", "all").exitCode());
        CliTestSupport.Run bad = CliTestSupport.run("zoo", "generate", "--family", "resnet50", "--out", "x");
        assertEquals(ExitCode.USAGE.code(), bad.exitCode());
        assertTrue(bad.err().contains("resnet18"), bad.err());
    }
}
