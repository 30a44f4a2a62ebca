package org.narformer.metrics;

/**
 * Kendall's rank correlation τ-b with tie correction, in O(n log n) (Knight 1966): sort the pairs by x then y,
 * count the tied pairs in x and in (x, y), then merge-sort the y values counting the swaps (discordant pairs)
 * and count the tied pairs in y. τ-b = (P − T<sub>x</sub> − T<sub>y</sub> + T<sub>xy</sub> − 2·swaps) /
 * √((P − T<sub>x</sub>)(P − T<sub>y</sub>)) with P = n(n−1)/2 — the value of {@code scipy.stats.kendalltau}
 * (the reference metric) and of commons-math3 {@code KendallsCorrelation}. Values are compared with
 * {@link Double#compare}; NaN is rejected.
 */
public final class KendallTau {
    private KendallTau() {
    }

    /**
     * τ-b of the paired samples {@code x} and {@code y}.
     *
     * @return τ-b in [−1, 1], or NaN when fewer than two points or when all x or all y are equal (undefined)
     * @throws IllegalArgumentException when the lengths differ or a value is NaN
     */
    public static double tauB(double[] x, double[] y) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("Kendall tau needs paired samples, got " + n + " and " + y.length);
        }
        Checks.noNaN(x, "x");
        Checks.noNaN(y, "y");
        if (n < 2) {
            return Double.NaN;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.byKeys(order, x, y);

        long pairs = (long) n * (n - 1) / 2;
        long tiedX = 0;
        long tiedXY = 0;
        long runX = 1;
        long runXY = 1;
        double[] ys = new double[n];
        ys[0] = y[order[0]];
        for (int k = 1; k < n; k++) {
            int a = order[k - 1];
            int b = order[k];
            ys[k] = y[b];
            if (Double.compare(x[a], x[b]) == 0) {
                runX++;
                if (Double.compare(y[a], y[b]) == 0) {
                    runXY++;
                } else {
                    tiedXY += runXY * (runXY - 1) / 2;
                    runXY = 1;
                }
            } else {
                tiedX += runX * (runX - 1) / 2;
                tiedXY += runXY * (runXY - 1) / 2;
                runX = 1;
                runXY = 1;
            }
        }
        tiedX += runX * (runX - 1) / 2;
        tiedXY += runXY * (runXY - 1) / 2;

        long swaps = countSwapsWhileSorting(ys);

        long tiedY = 0;
        long runY = 1;
        for (int k = 1; k < n; k++) {
            if (Double.compare(ys[k - 1], ys[k]) == 0) {
                runY++;
            } else {
                tiedY += runY * (runY - 1) / 2;
                runY = 1;
            }
        }
        tiedY += runY * (runY - 1) / 2;

        long concordantMinusDiscordant = pairs - tiedX - tiedY + tiedXY - 2 * swaps;
        double denominator = (double) (pairs - tiedX) * (double) (pairs - tiedY);
        if (denominator == 0) {
            return Double.NaN;
        }
        return concordantMinusDiscordant / Math.sqrt(denominator);
    }

    /** Bottom-up merge sort of {@code v} in place; returns the number of inversions (strictly greater before). */
    private static long countSwapsWhileSorting(double[] v) {
        int n = v.length;
        double[] src = v;
        double[] dst = new double[n];
        long swaps = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (Double.compare(src[i], src[j]) <= 0) {
                        dst[k++] = src[i++];
                    } else {
                        dst[k++] = src[j++];
                        swaps += mid - i;
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            double[] t = src;
            src = dst;
            dst = t;
        }
        if (src != v) {
            System.arraycopy(src, 0, v, 0, n);
        }
        return swaps;
    }
}
