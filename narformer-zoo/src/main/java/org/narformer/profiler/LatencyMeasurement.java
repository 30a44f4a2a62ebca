package org.narformer.profiler;

/**
 * The measured latency of one model at one setting, in milliseconds per batch.
 *
 * @param medianMs    median of the timed runs (the label)
 * @param p10Ms       10th percentile
 * @param p90Ms       90th percentile
 * @param meanMs      mean
 * @param runs        timed runs taken
 * @param stoppedEarly true when the median was stable before {@code maxRuns}
 */
public record LatencyMeasurement(double medianMs, double p10Ms, double p90Ms, double meanMs, int runs,
                                 boolean stoppedEarly) {
}
