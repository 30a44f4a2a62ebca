package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;

/**
 * NAR-Former V1 through the same commands as V2: {@code train --model v1} (interrupted and resumed),
 * {@code evaluate} and {@code predict} of its checkpoints.
 */
class V1CommandsIT {
    private static final String CELL = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|"
            + "nor_conv_3x3~1|nor_conv_3x3~2|";

    @TempDir
    Path tmp;

    @Test
    void v1TrainsResumesEvaluatesAndPredictsThroughTheSharedCommands() throws IOException {
        Optional<DataDirectory> data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        Path config = Files.writeString(tmp.resolve("tiny.json"), "{\"trainCount\": 64, \"validationCount\": 20, "
                + "\"layers\": 1, \"batchSize\": 32, \"learningRate\": 5e-4, \"allEvery\": 0, \"epochs\": 3}");
        Path run = tmp.resolve("run");
        CliTestSupport.Run trained = CliTestSupport.run("train", "--model", "v1", "--config", config.toString(),
                "--no-progress", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("weight EMA: best epoch"), trained.out());
        for (String dir : new String[] {"best", "best-ema", "last", "last-ema"}) {
            assertTrue(Files.isRegularFile(run.resolve(dir).resolve("manifest.json")), dir);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertEquals("narformer-v1", manifest.get("family").asText());
        assertEquals("V1", manifest.get("protocol").get("modelFamily").asText());
        assertEquals(32, manifest.get("protocol").get("batchSize").asInt(), "the file's batch size is kept");
        double tau = manifest.get("result").get("bestAllTau").asDouble();
        JsonNode lastPoint = manifest.get("curve").get(manifest.get("curve").size() - 1);
        assertTrue(lastPoint.get("emaAllTau").isNumber() && lastPoint.get("emaSelectionTau").isNumber(),
                "the curve carries the EMA's tau: " + lastPoint);
        assertTrue(trained.out().contains("EMA tau all"), trained.out());

        CliTestSupport.Run finished = CliTestSupport.run("train", "--resume", run.toString());
        assertEquals(3, finished.exitCode(), "a finished run cannot be resumed: " + finished.err());
        assertTrue(finished.err().contains("already finished"), finished.err());

        Path report = tmp.resolve("evaluation");
        CliTestSupport.Run evaluated = CliTestSupport.run("evaluate", "--checkpoint", run.toString(), "--out",
                report.toString(), "--no-progress");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertEquals(tau, json.readTree(report.resolve("manifest.json").toFile()).get("kendallTau").asDouble(),
                1e-12, "evaluate reproduces the run's tau from the V1 checkpoint");

        CliTestSupport.Run predicted = CliTestSupport.run("predict", "--checkpoint", run.resolve("best-ema").toString(),
                CELL);
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().contains(CELL), predicted.out());
    }
}
