package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        assertTrue(second.out().contains("measured 0, already measured 2"), second.out());
        assertEquals(rows, Files.readAllLines(dir.resolve("lat/latency.txt")));
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, CliTestSupport.run("zoo", "generate", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("profile", "--help").exitCode());
        assertEquals(ExitCode.USAGE.code(), CliTestSupport.run("zoo", "generate", "--family", "all").exitCode());
        CliTestSupport.Run bad = CliTestSupport.run("zoo", "generate", "--family", "resnet50", "--out", "x");
        assertEquals(ExitCode.USAGE.code(), bad.exitCode());
        assertTrue(bad.err().contains("resnet18"), bad.err());
    }
}
