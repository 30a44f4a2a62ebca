package org.narformer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Splits graphs (known by their node counts) into batches that limit padding. Each batch is an array of
 * graph indices; within a batch, graphs are padded to the largest.
 */
public final class BatchPlanner {
    /** Batches per sorting window of {@link #shuffledBuckets}: bigger = less padding, less randomness. */
    public static final int DEFAULT_WINDOW_BATCHES = 50;

    private BatchPlanner() {
    }

    /** Deterministic plan for inference: indices sorted by node count (stable), cut into batches. */
    public static List<int[]> bySize(int[] nodeCounts, int batchSize) {
        return bySize(nodeCounts, batchSize, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #bySize(int[], int)}, but a batch also stops growing before its padded size
     * {@code graphs × max nodes} exceeds {@code maxNodeSlots} (a single graph always fits).
     */
    public static List<int[]> bySize(int[] nodeCounts, int batchSize, int maxNodeSlots) {
        if (batchSize < 1 || maxNodeSlots < 1) {
            throw new IllegalArgumentException("batch size and node slots must be positive");
        }
        int[] order = IntStream.range(0, nodeCounts.length).boxed()
                .sorted(Comparator.comparingInt(i -> nodeCounts[i])).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && end - start < batchSize
                    && (long) (end - start + 1) * nodeCounts[order[end]] <= maxNodeSlots) {
                end++;
            }
            batches.add(Arrays.copyOfRange(order, start, end));
            start = end;
        }
        return batches;
    }

    /**
     * Random plan for training: a seeded shuffle, then within windows of {@code windowBatches × batchSize}
     * graphs a stable sort by node count, cut into batches, and the batches shuffled. When all graphs have
     * the same size this is exactly uniform random batching.
     */
    public static List<int[]> shuffledBuckets(int[] nodeCounts, int batchSize, int windowBatches,
                                              SplittableRandom rng) {
        int[] order = IntStream.range(0, nodeCounts.length).toArray();
        shuffle(order, rng);
        int window = Math.max(1, windowBatches) * batchSize;
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        for (int start = 0; start < boxed.length; start += window) {
            Arrays.sort(boxed, start, Math.min(boxed.length, start + window),
                    Comparator.comparingInt(i -> nodeCounts[i]));
        }
        List<int[]> batches = chunk(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), batchSize);
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] t = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, t);
        }
        return batches;
    }

    /** Fraction of node slots that are padding over a whole plan, in [0, 1). */
    public static double paddingFraction(List<int[]> batches, int[] nodeCounts) {
        long real = 0;
        long slots = 0;
        for (int[] batch : batches) {
            int max = 0;
            for (int i : batch) {
                real += nodeCounts[i];
                max = Math.max(max, nodeCounts[i]);
            }
            slots += (long) max * batch.length;
        }
        return slots == 0 ? 0 : 1.0 - (double) real / slots;
    }

    /** In-place Fisher–Yates shuffle. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<int[]> chunk(int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }
}
