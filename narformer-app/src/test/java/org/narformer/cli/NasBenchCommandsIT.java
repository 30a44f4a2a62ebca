package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;
import org.narformer.train.NasBenchModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code narformer train → evaluate → predict} on a tiny NB201 configuration (60 training cells, 20 validation,
 * 2 epochs of a 1-layer d-32 model), then the bad-input paths of the three commands.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NasBenchCommandsIT {
    private static final String CELL_A = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|"
            + "nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String CELL_B = "|none~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|skip_connect~2|";

    @TempDir
    static Path tmp;

    private static Path run;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void train() throws IOException {
        Optional<DataDirectory> data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        Path config = Files.writeString(tmp.resolve("tiny.json"), "{\"trainCount\": 60, \"validationCount\": 20, "
                + "\"layers\": 1, \"hiddenDim\": 32, \"learningRate\": 1e-3, \"allEvery\": 0}");
        run = tmp.resolve("run");
        CliTestSupport.Run r = CliTestSupport.run("train", "--config", config.toString(), "--epochs", "2",
                "--no-progress", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("best epoch"), r.out());
    }

    @Test
    @Order(1)
    void trainWritesCheckpointsAndARunManifest() throws IOException {
        assertTrue(Files.isRegularFile(run.resolve("best/manifest.json")));
        assertTrue(Files.isRegularFile(run.resolve("last/manifest.json")));
        assertTrue(Files.size(run.resolve(TrainCommand.CURVE_PLOT)) > 1000, "the tau-vs-epoch picture");
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertEquals("nasbench-run", manifest.get("kind").asText());
        assertEquals(60, manifest.get("protocol").get("trainCount").asInt());
        assertEquals(2, manifest.get("protocol").get("epochs").asInt(), "the option overrides the file");
        assertEquals(64, manifest.get("data").get("sha256").asText().length());
        assertEquals(15_625, manifest.get("data").get("split").get("test").asInt());
        assertEquals(3, manifest.get("curve").size(), "epochs 0, 1, 2");
        assertEquals("--epochs", manifest.get("command").get(4).asText());
        assertTrue(manifest.get("result").get("secondsPerIteration").asDouble() > 0);
    }

    @Test
    @Order(2)
    void evaluateWritesReportPlotAndManifest() throws IOException {
        Path out = tmp.resolve("eval");
        CliTestSupport.Run r = CliTestSupport.run("evaluate", "--checkpoint", run.toString(), "--no-progress",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("unseen") && r.out().contains("validation"), r.out());
        JsonNode report = json.readTree(out.resolve("report.json").toFile());
        assertEquals(15_625, report.get("overall").get("count").asInt());
        assertEquals(15_545, report.get("groups").get("unseen").get("count").asInt());
        byte[] png = Files.readAllBytes(out.resolve("scatter.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG file");
        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals("nasbench-evaluation", manifest.get("kind").asText());
        assertEquals(report.get("overall").get("kendallTau").asDouble(), manifest.get("kendallTau").asDouble());
        // the run's own record of the selected checkpoint's tau on all cells (computed after reloading it)
        JsonNode runManifest = json.readTree(run.resolve("manifest.json").toFile());
        assertEquals(runManifest.get("result").get("bestAllTau").asDouble(), manifest.get("kendallTau").asDouble());
    }

    @Test
    @Order(3)
    void predictReloadsToIdenticalPredictions() throws IOException {
        Path out = tmp.resolve("pred");
        CliTestSupport.Run r = CliTestSupport.run("predict", "--checkpoint", run.toString(), "--no-progress",
                "--format", "json", "--out", out.toString(), CELL_A, CELL_B);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = json.readTree(out.resolve("predictions.json").toFile());
        assertEquals(2, rows.size());
        assertEquals(CELL_A, rows.get(0).get("cell").asText());
        assertEquals("nasbench-predictions", json.readTree(out.resolve("manifest.json").toFile()).get("kind").asText());
        float[] fromCli = {(float) rows.get(0).get("predicted").asDouble(), (float) rows.get(1).get("predicted").asDouble()};
        try (NasBenchModel model = NasBenchModel.open(run)) {
            float[] reloaded = model.predictCells(List.of(model.space().parse(CELL_A, "a"),
                    model.space().parse(CELL_B, "b")), false);
            assertArrayEquals(reloaded, fromCli);
        }
        CliTestSupport.Run csv = CliTestSupport.run("predict", "--checkpoint", run.resolve("best").toString(),
                "--no-progress", CELL_A);
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals("id,cell,predicted", lines[0]);
        assertEquals(fromCli[0], Float.parseFloat(lines[1].split(",")[2]), 1e-6f);
    }

    @Test
    @Order(4)
    void predictAllScoresTheWholeSpace() throws IOException {
        Path out = tmp.resolve("all");
        CliTestSupport.Run r = CliTestSupport.run("predict", "--checkpoint", run.toString(), "--all", "--no-progress",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
        assertEquals(15_626, lines.size());
        assertTrue(lines.get(1).startsWith("0,|"), lines.get(1));
        assertTrue(r.err().contains("scored all 15,625 cells of NB201"), r.err());
        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals(15_625, manifest.get("space").get("cells").asInt());
    }

    /** NB101's space is the 423,624 cells of the enumeration, not the 30,001 labelled ones a model trains on. */
    @Test
    @Order(4)
    void predictAllOnNb101ScoresAll423624Cells() throws IOException {
        Path config = Files.writeString(tmp.resolve("nb101.json"), "{\"space\": \"nb101\", \"trainCount\": 40, "
                + "\"validationCount\": 20, \"layers\": 1, \"hiddenDim\": 16, \"allEvery\": 0, \"epochs\": 1}");
        Path nb101 = tmp.resolve("nb101-run");
        CliTestSupport.Run trained = CliTestSupport.run("train", "--config", config.toString(), "--no-progress",
                "--out", nb101.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Path out = tmp.resolve("nb101-all");
        CliTestSupport.Run r = CliTestSupport.run("predict", "--checkpoint", nb101.toString(), "--all",
                "--no-progress", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals(423_624, manifest.get("space").get("cells").asInt());
        assertEquals(423_624, manifest.get("count").asInt());
        try (var lines = Files.lines(out.resolve("predictions.csv"))) {
            assertEquals(423_625, lines.count());
        }
    }

    @Test
    @Order(4)
    void runsSummarisesTheRunAndReportsBadItems() throws IOException {
        JsonNode runManifest = json.readTree(run.resolve("manifest.json").toFile());
        CliTestSupport.Run r = CliTestSupport.run("runs", "--json", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = json.readTree(r.out());
        assertEquals("run", summary.get("runs").get(0).get("name").asText());
        assertEquals(runManifest.get("result").get("bestAllTau").asDouble(),
                summary.get("runs").get(0).get("selectedTau").asDouble());
        assertEquals(1, summary.get("groups").get(0).get("finishedRuns").asInt());
        assertEquals("V2 NB201 N=60 2 epochs", summary.get("groups").get(0).get("label").asText());

        Path plot = tmp.resolve("curves/tau.png");
        Path curves = tmp.resolve("curves/tau.csv");
        CliTestSupport.Run drawn = CliTestSupport.run("runs", "--plot", plot.toString(), "--curves", curves.toString(),
                run.toString());
        assertEquals(0, drawn.exitCode(), drawn.err());
        byte[] png = Files.readAllBytes(plot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG image");
        List<String> rows = Files.readAllLines(curves);
        JsonNode curve = runManifest.get("curve");
        assertEquals(1 + curve.size(), rows.size(), "a header and one row per curve point");
        assertTrue(rows.get(0).startsWith("run,epoch,steps,trainLoss,selectionTau,allTau,"), rows.get(0));
        JsonNode lastPoint = curve.get(curve.size() - 1);
        String[] last = rows.get(rows.size() - 1).split(",", -1);
        assertEquals("run", last[0]);
        assertEquals(lastPoint.get("epoch").asInt(), Integer.parseInt(last[1]));
        assertEquals(lastPoint.get("selectionTau").asDouble(), Double.parseDouble(last[4]), 0);

        Path notARun = Files.writeString(tmp.resolve("not-a-run.json"), "{\"kind\": \"nasbench-evaluation\"}");
        CliTestSupport.Run partial = CliTestSupport.run("runs", tmp.toString(), notARun.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), partial.exitCode(), partial.err());
        assertTrue(partial.out().contains("V2 NB201 N=60 2 epochs"), "a directory of runs: " + partial.out());
        assertTrue(partial.err().startsWith("narformer: " + notARun), partial.err());
        assertEquals(ExitCode.BAD_INPUT.code(), CliTestSupport.run("runs", notARun.toString()).exitCode());
    }

    @Test
    @Order(5)
    void badInputsAreExit3WithOneLocatedLine() throws IOException {
        Path missing = tmp.resolve("no-such-run");
        expectBadInput(missing.toString(), "evaluate", "--checkpoint", missing.toString());

        Path corrupt = tmp.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String f : List.of("manifest.json", "parameters.bin")) {
            Files.copy(run.resolve("best").resolve(f), corrupt.resolve(f));
        }
        Files.writeString(corrupt.resolve("manifest.json"), "{\"formatVersion\": 1, \"model\": [");
        expectBadInput(corrupt.resolve("manifest.json").toString(), "predict", "--checkpoint", corrupt.toString(),
                CELL_A);

        String err = expectBadInput("argument 2", "predict", "--checkpoint", run.toString(), CELL_A,
                "|nor_conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        assertTrue(err.contains("nor_conv_5x5"), err);
    }

    private static String expectBadInput(String located, String... args) {
        CliTestSupport.Run r = CliTestSupport.run(args);
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("narformer: " + located), lines[0]);
        assertFalse(r.err().contains("\tat "), r.err());
        return lines[0];
    }
}
