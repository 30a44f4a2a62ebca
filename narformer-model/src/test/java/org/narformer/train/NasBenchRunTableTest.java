package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;
import org.narformer.model.Checkpoints;

class NasBenchRunTableTest {
    @TempDir
    Path dir;

    @Test
    void groupsRunsBySettingsButTheSeedAndAveragesFinishedRuns() throws IOException {
        List<NasBenchRunSummary> runs = new ArrayList<>();
        runs.add(read(write("a-s1", config(1, 0.5f), 0.70, 0.69, 3)));
        runs.add(read(write("a-s2", config(2, 0.5f), 0.80, 0.78, 0)));
        runs.add(read(write("b-s1", config(1, 0f), 0.75, 0.75, 1)));
        runs.add(read(write("a-s3-unfinished", config(3, 0.5f), Double.NaN, Double.NaN, -1)));

        NasBenchRunTable table = NasBenchRunTable.of(runs);

        assertEquals(2, table.groups().size(), "lambdaCons splits the runs; the seed does not");
        NasBenchRunTable.Group a = table.groups().get(0);
        assertEquals("V2 NB201 N=100 4 epochs lambdaCons=0.5", a.label());
        assertEquals(3, a.runs().size());
        assertEquals(2, a.finished().size(), "the unfinished run is listed, not counted");
        double[] selected = a.meanStd(NasBenchRunSummary::selectedTau);
        assertEquals(0.75, selected[0], 1e-12);
        assertEquals(Math.sqrt(0.005), selected[1], 1e-12, "sample standard deviation");
        assertEquals("V2 NB201 N=100 4 epochs lambdaCons=0.0", table.groups().get(1).label());
        assertEquals(0, table.groups().get(1).meanStd(NasBenchRunSummary::selectedTau)[1], "one run: sd 0");

        String text = table.render();
        assertTrue(text.contains("3 of 4 (unfinished)"), text);
        assertTrue(text.contains("0.7500 ± 0.0707"), text);
    }

    @Test
    void theMedianEpochStepTimeIgnoresPausesResumesAndScoringEpochs() {
        List<TauPoint> curve = new ArrayList<>();
        double[] elapsed = {5, 15, 25, 35, 635, 645, 700, 710, 720};  // epoch 4: paused; 6: scored every cell
        for (int e = 0; e < elapsed.length; e++) {
            curve.add(new TauPoint(e, 100L * e, 0.01, 0.5, Double.NaN, elapsed[e]));
        }
        curve.remove(7);  // a resume picked up at epoch 8 without a point for epoch 7
        assertEquals(0.1, NasBenchRunSummary.medianEpochSecondsPerStep(curve), 1e-12);
        assertTrue(Double.isNaN(NasBenchRunSummary.medianEpochSecondsPerStep(curve.subList(0, 1))));

        // only consecutive epochs count: the gap from epoch 1 to 3 (4.95 s per step) would move a median of two
        List<TauPoint> gap = List.of(new TauPoint(0, 0, 0.01, 0.5, Double.NaN, 0),
                new TauPoint(1, 100, 0.01, 0.5, Double.NaN, 10), new TauPoint(3, 300, 0.01, 0.5, Double.NaN, 1000));
        assertEquals(0.1, NasBenchRunSummary.medianEpochSecondsPerStep(gap), 1e-12);
    }

    @Test
    void readsWhatAManifestRecords() throws IOException {
        NasBenchRunSummary done = read(write("run", config(7, 0.5f), 0.7, 0.65, 2));
        assertTrue(done.finished());
        assertEquals("run", done.name());
        assertEquals(7, done.config().seed());
        assertEquals(3, done.selectedEpoch());
        assertEquals(0.7, done.selectedTau(), 1e-12);
        assertEquals(0.65, done.lastTau(), 1e-12, "the last curve point");
        assertEquals(2, done.skippedSteps());
        assertEquals(0.1, done.medianEpochSecondsPerStep(), 1e-12, "1 s per 10-step epoch in the curve");
        assertEquals(40, done.steps());
        assertEquals("Test CPU", done.cpu());
        assertEquals("f3564f4+", done.shortBuild(), "short commit, + for a build from uncommitted changes");

        NasBenchRunSummary open = read(write("open", config(7, 0.5f), Double.NaN, Double.NaN, -1));
        assertFalse(open.finished());
        assertEquals(3, open.epochsDone());
        assertTrue(Double.isNaN(open.selectedTau()));
        assertEquals(-1, open.skippedSteps(), "not recorded");
        assertEquals("-", open.shortBuild(), "not recorded");
        assertEquals(30, open.steps(), "from the curve when the manifest has no progress record");
    }

    @Test
    void rejectsWhatIsNotARunManifest() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"kind\": \"nasbench-evaluation\", \"protocol\": {}}");
        BadInputException wrongKind = assertThrows(BadInputException.class, () -> NasBenchRunManifest.read(other));
        assertTrue(wrongKind.getMessage().contains("other.json") && wrongKind.getMessage().contains("nasbench-run"),
                wrongKind.getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{not json");
        BadInputException unreadable = assertThrows(BadInputException.class, () -> NasBenchRunManifest.read(broken));
        assertTrue(unreadable.getMessage().contains("broken.json"), unreadable.getMessage());
        assertThrows(BadInputException.class, () -> NasBenchRunManifest.read(dir.resolve("missing")));
    }

    private static NasBenchConfig config(int seed, float lambdaCons) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("trainCount", 100);
        o.put("epochs", 4);
        o.put("seed", seed);
        o.put("lambdaCons", lambdaCons);
        return NasBenchConfig.of(null, o);
    }

    /** A run directory whose manifest has a curve to epoch 4 (3 if {@code selected} is NaN: unfinished). */
    private Path write(String name, NasBenchConfig config, double selected, double last, int skipped)
            throws IOException {
        boolean finished = !Double.isNaN(selected);
        List<TauPoint> curve = new ArrayList<>();
        curve.add(new TauPoint(0, 0, Double.NaN, Double.NaN, 0.1, 1));
        for (int e = 1; e <= (finished ? 4 : 3); e++) {
            curve.add(new TauPoint(e, 10L * e, 0.1 / e, 0.5, e == 4 ? last : Double.NaN, 1 + e));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", NasBenchRunManifest.KIND);
        manifest.put("environment", Map.of("cpu", "Test CPU"));
        if (finished) {
            manifest.put("gitSha", "f3564f42cae6e5d4c89fa5ac0058e892920166d5-dirty");
        }
        manifest.put("protocol", config.toMap());
        manifest.put("curve", curve);
        if (finished) {
            manifest.put("result", Map.of("bestEpoch", 3, "bestAllTau", selected, "skippedSteps", skipped,
                    "steps", 40, "secondsPerIteration", 0.1, "wallSeconds", 9.0));
        }
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        Checkpoints.json().writeValue(run.resolve(ArtifactManifest.FILE).toFile(), manifest);
        return run;
    }

    private static NasBenchRunSummary read(Path run) {
        return NasBenchRunSummary.of(NasBenchRunManifest.read(run));
    }
}
