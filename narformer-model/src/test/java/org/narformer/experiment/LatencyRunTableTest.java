package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.metrics.Metrics;

class LatencyRunTableTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripKeepsEveryColumn() throws IOException {
        double[] measured = {1, 2};
        double[] best = {1.1, 2.2};
        double[] last = {0.9, 2.4};
        double[] onTest = {1.0, 2.1};
        LatencyRun run = new LatencyRun("f", LatencyMethod.NNLP, 3, new String[] {"a", "b"}, new String[] {"x", "y"},
                best, last, measured, Metrics.of(best, measured), Metrics.of(last, measured), 4, 1.5, onTest, 7, 12);
        Path file = Files.writeString(tmp.resolve("runs.csv"), LatencyRunTable.write(List.of(run)));
        LatencyRun back = LatencyRunTable.read(file).get(0);
        assertArrayEquals(onTest, back.predictedBestOnTest());
        assertEquals(7, back.bestOnTestEpoch());
        assertEquals(4, back.bestEpoch());
        assertArrayEquals(last, back.predictedLast());
        assertEquals(12, back.skippedSteps());
    }

    @Test
    void tablesWrittenBeforeTheSkippedStepsColumnReadMinusOne() throws IOException {
        Path file = Files.writeString(tmp.resolve("v2.csv"), LatencyRunTable.HEADER_V2 + "\n"
                + "f,nnlp,3,4,1.5,a,x,1.0,1.1,0.9,2,1.05\n");
        LatencyRun back = LatencyRunTable.read(file).get(0);
        assertEquals(-1, back.skippedSteps());
        assertEquals(2, back.bestOnTestEpoch());
        assertEquals(Double.NaN, LatencyExperimentReport.of(List.of(back), List.of(LatencyMethod.NNLP)).rows().get(0)
                .cells().get("nnlp").skippedSteps(), "not recorded");
    }

    @Test
    void tablesWrittenBeforeTheBestOnTestColumnStillRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("old.csv"), LatencyRunTable.HEADER_V1 + "\n"
                + "f,nnlp,3,4,1.5,a,x,1.0,1.1,0.9\n");
        LatencyRun back = LatencyRunTable.read(file).get(0);
        assertNull(back.predictedBestOnTest());
        assertNull(back.bestOnTest());
        assertEquals(0.1, back.selected().mape(), 1e-12);
    }
}
