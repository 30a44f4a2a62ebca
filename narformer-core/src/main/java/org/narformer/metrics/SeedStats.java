package org.narformer.metrics;

import java.util.Locale;

/** Means and spreads over seeds, and their printed form, for the experiment reports and run summaries. */
public final class SeedStats {
    private SeedStats() {
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1); 0 for a single value. */
    public static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** A fraction as a percentage with two decimals ({@code 0.1234 → 12.34%}). */
    public static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
