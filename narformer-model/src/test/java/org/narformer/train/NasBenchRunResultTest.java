package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.junit.jupiter.api.Test;
import org.narformer.model.Checkpoints;

class NasBenchRunResultTest {

    private static final RunProgress PROGRESS = new RunProgress(5200, 82, 2335.5, 5200, 2425.0);

    @Test
    void aResultWithEmaSurvivesTheManifestsJson() throws Exception {
        NasBenchRunResult result = new NasBenchRunResult(PROGRESS, 392, 0.736, 0.7537, Path.of("run/best"),
                Path.of("run/last"), "validation cells", 358, 0.735, 0.7515, Path.of("run/best-ema"));
        assertEquals(result, throughJson(result));
        assertEquals(List.of("steps", "skippedSteps", "trainingSeconds", "secondsPerIteration", "wallSeconds",
                "timedSteps", "bestEpoch", "bestSelectionTau", "bestAllTau", "bestEmaEpoch", "bestEmaSelectionTau",
                "bestEmaAllTau", "bestEmaCheckpoint", "selectedOn", "bestCheckpoint", "lastCheckpoint"),
                List.copyOf(result.toMap().keySet()), "the keys and order manifests have always had");
    }

    @Test
    void aResultWithoutEmaWritesNoEmaFieldsAndReadsBackNaN() throws Exception {
        NasBenchRunResult result = new NasBenchRunResult(PROGRESS, 37, 0.6543, 0.6822, Path.of("run/best"),
                Path.of("run/last"), "validation cells", 0, Double.NaN, Double.NaN, null);
        assertFalse(result.toMap().keySet().stream().anyMatch(k -> k.startsWith("bestEma")));
        NasBenchRunResult read = throughJson(result);
        assertFalse(read.hasEma());
        assertTrue(Double.isNaN(read.bestEmaAllTau()));
        assertEquals(result, read);
    }

    @Test
    void fieldsOlderBuildsDidNotWriteReadAsUnknown() {
        NasBenchRunResult read = NasBenchRunResult.of(Map.of("steps", 3920, "trainingSeconds", 845.0,
                "secondsPerIteration", 0.216, "wallSeconds", 1726.0, "bestEpoch", 37, "bestSelectionTau", 0.65,
                "bestAllTau", "NaN", "bestCheckpoint", "null", "lastCheckpoint", "run/last"));
        assertEquals(-1, read.progress().skippedSteps());
        assertTrue(Double.isNaN(read.bestAllTau()));
        assertNull(read.bestCheckpoint());
        assertNull(read.selectedOn());
        assertEquals(3920, read.progress().steps());
        assertEquals(Math.round(845.0 / 0.216), read.progress().timedSteps(), "recovered from the time per step");
        assertEquals(845.0 / Math.round(845.0 / 0.216), read.progress().secondsPerIteration(), 1e-12);
    }

    private static NasBenchRunResult throughJson(NasBenchRunResult result) throws Exception {
        byte[] json = Checkpoints.json().writeValueAsBytes(result.toMap());
        return NasBenchRunResult.of(Checkpoints.json().readValue(json, new TypeReference<Map<String, Object>>() { }));
    }
}
