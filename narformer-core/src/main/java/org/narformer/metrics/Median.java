package org.narformer.metrics;

import java.util.Arrays;

/** The median of a set of measurements (latencies, step times): robust to the few that a busy machine stretches. */
public final class Median {
    private Median() {
    }

    /** The middle value, or the mean of the two middle values for an even count; NaN for none. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
