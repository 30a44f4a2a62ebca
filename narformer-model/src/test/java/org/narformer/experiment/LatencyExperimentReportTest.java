package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.narformer.metrics.Metrics;
import org.junit.jupiter.api.Test;

class LatencyExperimentReportTest {
    /** A run whose single test network is predicted at {@code 1 + error} of its latency (MAPE = error). */
    private static LatencyRun run(String fold, long seed, double error) {
        double[] measured = {1.0};
        double[] predicted = {1.0 + error};
        Metrics m = Metrics.of(predicted, measured);
        return new LatencyRun(fold, LatencyMethod.V2, seed, new String[] {"g"}, new String[] {fold}, predicted,
                predicted, measured, m, m, 1, 1.0, predicted, 1, (int) seed);
    }

    @Test
    void averageSpreadIsOverTheSeedsFoldAveragesNotTheMeanOfFoldSpreads() {
        // fold a: seeds 0.1, 0.3; fold b: seeds 0.3, 0.1 -> each fold spreads, but every seed averages 0.2
        LatencyExperimentReport report = LatencyExperimentReport.of(List.of(run("a", 1, 0.1), run("a", 2, 0.3),
                run("b", 1, 0.3), run("b", 2, 0.1)), List.of(LatencyMethod.V2));
        LatencyExperimentReport.Cell a = report.rows().get(0).cells().get("v2");
        LatencyExperimentReport.Cell average = report.rows().get(2).cells().get("v2");
        assertEquals("average", report.rows().get(2).fold());
        assertEquals(Math.sqrt(0.02), a.mapeStd(), 1e-9, "sample std over the fold's seeds");
        assertEquals(0.2, average.mape(), 1e-9);
        assertEquals(0.0, average.mapeStd(), 1e-9, "both seeds average 0.2 over the folds");
        assertEquals(1.5, a.skippedSteps(), 1e-12, "seeds 1 and 2 skipped 1 and 2 steps");
        assertEquals(1.5, average.skippedSteps(), 1e-12);
    }

    @Test
    void averageWithoutLeavesTheNamedFoldsOutOfASecondAverage() {
        // fold c is the outlier: seeds 2.0 and 4.0; folds a and b as above
        List<LatencyRun> runs = List.of(run("a", 1, 0.1), run("a", 2, 0.3), run("b", 1, 0.3), run("b", 2, 0.5),
                run("c", 1, 2.0), run("c", 2, 4.0));
        LatencyExperimentReport report = LatencyExperimentReport.of(runs, List.of(LatencyMethod.V2), List.of("c"));
        assertEquals(List.of("a", "b", "c", "average", "average without c"),
                report.rows().stream().map(LatencyExperimentReport.Row::fold).toList());
        LatencyExperimentReport.Cell without = report.rows().get(4).cells().get("v2");
        assertEquals(0.3, without.mape(), 1e-9, "mean of folds a (0.2) and b (0.4)");
        assertEquals(Math.sqrt(0.02), without.mapeStd(), 1e-9, "seed 1 averages 0.2, seed 2 0.4");
        assertEquals(2, without.seeds());
        assertEquals(1.2, report.rows().get(3).cells().get("v2").mape(), 1e-9, "the plain average keeps c");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LatencyExperimentReport.of(runs, List.of(LatencyMethod.V2), List.of("d")));
        assertEquals("no fold named 'd' (folds: a, b, c)", unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LatencyExperimentReport.of(runs, List.of(LatencyMethod.V2), List.of("a", "b", "c")));
    }
}
