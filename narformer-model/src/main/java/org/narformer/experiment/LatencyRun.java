package org.narformer.experiment;

import org.narformer.metrics.Metrics;

/**
 * One method fitted on one fold with one seed, scored on the fold's test networks.
 *
 * @param fold          the fold name
 * @param method        the method
 * @param seed          the training seed (0 for the regressions)
 * @param predicted     test predictions of the model selected on validation MAPE (the regressions: the fit)
 * @param predictedLast test predictions after the last epoch (the regressions: the fit)
 * @param graphIds      the test networks' graph ids
 * @param families      the test networks' families
 * @param measured      the measured test latencies
 * @param selected      metrics of {@code predicted}
 * @param last          metrics of {@code predictedLast}
 * @param bestEpoch     the selected epoch (0 for the regressions)
 * @param trainSeconds  wall time of the fit
 * @param predictedBestOnTest test predictions of the epoch with the lowest test MAPE: the reference's NNLQP
 *                      selection, which looks at the test set (optimistic; the regressions: the fit); null in
 *                      tables written before it was recorded
 * @param bestOnTestEpoch that epoch (0 for the regressions)
 * @param skippedSteps  training steps skipped for a non-finite loss or gradient (0 for the regressions; −1 in tables
 *                      written before it was recorded)
 */
public record LatencyRun(String fold, LatencyMethod method, long seed, String[] graphIds, String[] families,
                         double[] predicted, double[] predictedLast, double[] measured, Metrics selected, Metrics last,
                         int bestEpoch, double trainSeconds, double[] predictedBestOnTest, int bestOnTestEpoch,
                         int skippedSteps) {
    /** Metrics of {@link #predictedBestOnTest()}, or null when it was not recorded. */
    public Metrics bestOnTest() {
        return predictedBestOnTest == null ? null : Metrics.of(predictedBestOnTest, measured);
    }
}
