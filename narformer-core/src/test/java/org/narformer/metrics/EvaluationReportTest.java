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
        assertEquals("target: latency_ms", lines[0]);
        assertEquals(List.of("group", "n", "MAPE%", "RMSE", "Acc1%", "Acc5%", "Acc10%", "tau", "rho"),
                List.of(lines[1].trim().split("\\s+")));
        // all: MAPE (0.005+0.03+0.08+0.2+0.1)/5 = 8.3 %, Acc1 1 of 5, Acc5 2 of 5, Acc10 4 of 5
        List<String> all = List.of(lines[3].trim().split("\\s+"));
        assertEquals(List.of("all", "5", "8.300"), all.subList(0, 3));
        assertEquals(List.of("20.00", "40.00", "80.00"), all.subList(4, 7));
        List<String> resnet = List.of(lines[5].trim().split("\\s+"));
        assertEquals(List.of("resnet18", "1", "10.000"), resnet.subList(0, 3));
        assertEquals(List.of("-", "-"), resnet.subList(7, 9), "undefined tau and rho print as '-'");
    }
}
