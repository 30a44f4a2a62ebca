package org.narformer.metrics;

/** Stable sort of an index permutation by primitive double keys, without boxing (merge sort, O(n log n)). */
final class IndexSort {
    private IndexSort() {
    }

    /** Sorts {@code order} by {@code primary[i]}, then by {@code secondary[i]} when non-null, then stably. */
    static void byKeys(int[] order, double[] primary, double[] secondary) {
        int n = order.length;
        int[] src = order;
        int[] dst = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = compare(src[i], src[j], primary, secondary) <= 0 ? src[i++] : src[j++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    private static int compare(int a, int b, double[] primary, double[] secondary) {
        int c = Double.compare(primary[a], primary[b]);
        return c != 0 || secondary == null ? c : Double.compare(secondary[a], secondary[b]);
    }
}
