package org.narformer.profiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timed runs of one model and the early-stop rule: after at least {@code minRuns} runs, stop when the
 * running median moved less than the tolerance (relative to the current median) over the last
 * {@code window} runs. Percentiles interpolate linearly between order statistics (numpy's default).
 */
final class LatencySamples {
    private final List<Double> samplesMs = new ArrayList<>();
    private final List<Double> runningMedians = new ArrayList<>();

    void add(double ms) {
        samplesMs.add(ms);
        runningMedians.add(percentile(50));
    }

    int count() {
        return samplesMs.size();
    }

    boolean isStable(int minRuns, int window, double tolerance) {
        int n = runningMedians.size();
        if (n < Math.max(minRuns, window + 1)) {
            return false;
        }
        double now = runningMedians.get(n - 1);
        for (int i = n - 1 - window; i < n; i++) {
            if (Math.abs(runningMedians.get(i) - now) >= tolerance * now) {
                return false;
            }
        }
        return true;
    }

    /** The p-th percentile (0..100) of the samples. */
    double percentile(double p) {
        double[] s = samplesMs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    double mean() {
        return samplesMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
