package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.metrics.Metrics;
import org.narformer.train.TrainConfig;

class MultiDeviceExperimentTest {
    @Test
    void relativeScaleMinimisesTheRelativeSquaredError() {
        double[] y = {1, 2, 4};
        assertEquals(0.5, MultiDeviceExperiment.relativeScale(new double[] {2, 4, 8}, y), 1e-12, "exact multiple");
        double[] p = {1.5, 1.7, 5};
        double c = MultiDeviceExperiment.relativeScale(p, y);
        double best = loss(c, p, y);
        assertTrue(best < loss(c * 1.01, p, y) && best < loss(c * 0.99, p, y), "a minimum");
    }

    private static double loss(double c, double[] p, double[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.pow(c * p[i] / y[i] - 1, 2);
        }
        return s;
    }

    @Test
    void nearestSourceIsTheOutputThatRanksTheLabelledNetworksBest() {
        float[][] onTrain = {{1, 9, 5}, {2, 8, 5}, {3, 7, 5}, {4, 6, 5}, {100, 0, 5}};
        int[] labelled = {0, 1, 2, 3};
        assertEquals(0, MultiDeviceExperiment.nearestSource(onTrain, labelled, new double[] {1, 2, 3, 4}));
        assertEquals(1, MultiDeviceExperiment.nearestSource(onTrain, labelled, new double[] {4, 3, 2, 1}));
    }

    @Test
    void fewShotFitsTakeAboutTheSameNumberOfStepsForEveryK() {
        TrainConfig base = TrainConfig.nnlqp();
        TrainConfig ten = MultiDeviceExperiment.fewShot(base, 10, 200);
        assertEquals(10, ten.batchSize(), "no batch larger than the sample");
        assertEquals(200, ten.epochs());
        TrainConfig hundred = MultiDeviceExperiment.fewShot(base, 100, 200);
        assertEquals(16, hundred.batchSize());
        assertEquals(29, hundred.epochs(), "7 steps per epoch");
        assertEquals(hundred.epochs(), hundred.evalEvery(), "evaluated once, at the end");
    }

    @Test
    void configRejectsTargetsSeenInPreTrainingAndImpossibleShots() {
        assertThrows(IllegalArgumentException.class, () -> config(List.of("a", "b"), List.of("b"), List.of(10)));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("a"), List.of("b"), List.of(1000)));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("a", "a"), List.of("b"), List.of(10)));
    }

    private static MultiDeviceConfig config(List<String> sources, List<String> targets, List<Integer> shots) {
        return new MultiDeviceConfig(2, 16, 1, 100, 20, sources, targets, shots, 1, 1, 10, 1e-4f);
    }

    @Test
    void reportSummarisesSeedsAndAveragesDevices() {
        List<DeviceRun> runs = List.of(
                run("a", MultiDeviceExperiment.PER_DEVICE, 100, 1, 0.10, 0.9),
                run("a", MultiDeviceExperiment.MULTI_HEAD, 100, 1, 0.20, 0.8),
                run("b", MultiDeviceExperiment.PER_DEVICE, 100, 1, 0.30, 0.7),
                run("b", MultiDeviceExperiment.MULTI_HEAD, 100, 1, 0.40, 0.6),
                run("t", MultiDeviceExperiment.SCRATCH, 10, 1, 0.50, 0.1),
                run("t", MultiDeviceExperiment.SCRATCH, 10, 2, 0.70, 0.3),
                run("t", MultiDeviceExperiment.TRANSFER, 10, 1, 0.20, 0.8),
                run("u", MultiDeviceExperiment.SCRATCH, 10, 1, 0.90, 0.5));
        MultiDeviceReport report = MultiDeviceReport.of(runs);
        assertEquals(List.of("a", "b", "average"), report.sources().stream().map(MultiDeviceReport.SourceRow::device)
                .toList());
        MultiDeviceReport.SourceRow average = report.sources().get(2);
        assertEquals(0.20, average.perDevice().mape(), 1e-12);
        assertEquals(0.30, average.multiHead().mape(), 1e-12);
        MultiDeviceReport.FewShotRow t = report.fewShot().get(0);
        MultiDeviceReport.Summary scratch = t.methods().get(MultiDeviceExperiment.SCRATCH);
        assertEquals(2, scratch.runs());
        assertEquals(0.60, scratch.mape(), 1e-12);
        assertEquals(Math.sqrt(0.02), scratch.mapeStd(), 1e-12, "sample std over seeds");
        assertNull(t.methods().get(MultiDeviceExperiment.NEAREST_DEVICE), "not run, not reported");
        MultiDeviceReport.FewShotRow avg = report.fewShot().get(report.fewShot().size() - 1);
        assertEquals("average", avg.device());
        assertEquals((0.60 + 0.90) / 2, avg.methods().get(MultiDeviceExperiment.SCRATCH).mape(), 1e-12);
        String table = report.toTable();
        assertTrue(table.contains("multi-head MAPE") && table.contains("transfer MAPE"), table);
        assertTrue(table.contains("60.00% ± 14.14%"), table);
    }

    private static DeviceRun run(String device, String method, int shots, long seed, double mape, double rho) {
        return new DeviceRun(device, method, shots, seed, new Metrics(10, mape, 1, 0, 0, 0.5, rho, rho), 1, 1.0,
                null, new double[0]);
    }
}
