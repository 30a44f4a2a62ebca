package org.narformer.train;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Kendall τ-b ({@code scipy.stats.kendalltau}) in O(n log n) (Knight's algorithm): sort by (x, y), count
 * discordant pairs as inversions of y by merge sort, correct for ties in x, in y and in both.
 */
final class KendallTau {
    private KendallTau() {
    }

    /** τ-b of the pairs (x[i], y[i]); NaN when either side is constant or n &lt; 2. */
    static double tauB(float[] x, float[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        int[] o = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]))
                .mapToInt(Integer::intValue).toArray();
        long tiesX = 0;
        long tiesXY = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && x[o[j]] == x[o[i]]) {
                j++;
            }
            tiesX += pairs(j - i);
            for (int k = i; k < j; ) {
                int m = k + 1;
                while (m < j && y[o[m]] == y[o[k]]) {
                    m++;
                }
                tiesXY += pairs(m - k);
                k = m;
            }
            i = j;
        }
        float[] ys = new float[n];
        for (int k = 0; k < n; k++) {
            ys[k] = y[o[k]];
        }
        long swaps = inversions(ys, new float[n], 0, n);
        long tiesY = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && ys[j] == ys[i]) {
                j++;
            }
            tiesY += pairs(j - i);
            i = j;
        }
        long total = pairs(n);
        double denominator = Math.sqrt((double) (total - tiesX) * (total - tiesY));
        if (denominator == 0) {
            return Double.NaN;
        }
        return (total - tiesX - tiesY + tiesXY - 2.0 * swaps) / denominator;
    }

    private static long pairs(long k) {
        return k * (k - 1) / 2;
    }

    /** Sorts a[from, to) and returns the number of strict inversions. */
    private static long inversions(float[] a, float[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = inversions(a, tmp, from, mid) + inversions(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                count += mid - i;
                tmp[k++] = a[j++];
            } else {
                tmp[k++] = a[i++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
        return count;
    }
}
