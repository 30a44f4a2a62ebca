package org.narformer.metrics;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks, tied values sharing their average rank
 * (as {@code scipy.stats.spearmanr} and commons-math3 {@code SpearmansCorrelation} with the default ranking).
 */
public final class SpearmanRho {
    private SpearmanRho() {
    }

    /**
     * ρ of the paired samples.
     *
     * @return ρ in [−1, 1], or NaN when fewer than two points or when one side is constant (undefined)
     * @throws IllegalArgumentException when the lengths differ or a value is NaN
     */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Spearman rho needs paired samples, got " + x.length + " and "
                    + y.length);
        }
        Checks.noNaN(x, "x");
        Checks.noNaN(y, "y");
        if (x.length < 2) {
            return Double.NaN;
        }
        return pearson(averageRanks(x), averageRanks(y));
    }

    /** 1-based ranks of {@code values}; a run of equal values gets the mean of the ranks it spans. */
    public static double[] averageRanks(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.byKeys(order, values, null);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && Double.compare(values[order[end]], values[order[start]]) == 0) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
