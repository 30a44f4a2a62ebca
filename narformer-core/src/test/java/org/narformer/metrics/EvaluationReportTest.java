package org.narformer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationReportTest {
    private static final double[] MEASURED = {1, 2, 4, 5, 3};
    private static final double[] PREDICTED = {1.005, 1.94, 4.32, 4.0, 3.3};
    private static final String[] GROUPS = {"vgg16", "alexnet", "vgg16", "alexnet", "resnet18"};

    @Test
    void perGroupMetricsInNameOrder() {
        EvaluationReport r = EvaluationReport.of("latency_ms", PREDICTED, MEASURED, GROUPS);
        assertEquals(List.of("alexnet", "resnet18", "vgg16"), List.copyOf(r.groups().keySet()));
        assertEquals(5, r.overall().count());
        Metrics alexnet = r.groups().get("alexnet");
        assertEquals(2, alexnet.count());
        assertEquals((0.03 + 0.2) / 2, alexnet.mape(), 1e-12);
        assertTrue(Double.isNaN(r.groups().get("resnet18").kendallTau()), "tau of one point is undefined");
    }

    @Test
    void jsonRoundTripKeepsEveryValueIncludingNaN() {
        EvaluationReport r = EvaluationReport.of("latency_ms", PREDICTED, MEASURED, GROUPS);
        String json = r.toJson();
        assertTrue(json.contains("\"kendallTau\""), json);
        EvaluationReport back = EvaluationReport.fromJson(json);
        assertEquals(r, back);
    }

    @Test
    void tableHasOneRowPerGroupPlusAll() {
        String table = EvaluationReport.of("latency_ms", PREDICTED, MEASURED, GROUPS).toTable();
        String[] lines = table.split("\n");
        assertEquals(1 + 2 + 1 + 3, lines.length, table);
        assertTrue(lines[1].startsWith("group "), table);
        assertTrue(lines[3].startsWith("all "), table);
        // MAPE of all: (0.005+0.03+0.08+0.2+0.1)/5 = 8.3 %
        assertTrue(lines[3].contains(" 8.300 "), table);
        assertTrue(lines[5].contains(" - "), "undefined tau printed as '-': " + table);
        int width = lines[1].length();
        for (int i = 3; i < lines.length; i++) {
            assertEquals(width, lines[i].length(), "fixed width: " + table);
        }
    }
}
