package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchPlannerTest {
    private static int[] counts(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return IntStream.range(0, n).map(i -> 5 + rng.nextInt(200)).toArray();
    }

    @Test
    void shuffledBucketsCoverEveryGraphOnceAndCutPadding() {
        int[] counts = counts(1000, 1);
        List<int[]> plan = BatchPlanner.shuffledBuckets(counts, 16, 50, new SplittableRandom(2));
        int[] seen = plan.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), seen);
        assertTrue(plan.stream().allMatch(b -> b.length <= 16));
        double bucketed = BatchPlanner.paddingFraction(plan, counts);
        double random = BatchPlanner.paddingFraction(BatchPlanner.shuffledBuckets(counts, 16, 1,
                new SplittableRandom(2)), counts);
        assertTrue(bucketed < 0.1 && random > 0.3, "bucketed " + bucketed + " vs one-batch windows " + random);
    }

    @Test
    void samePlanForSameSeedAndUniformBatchesForEqualSizes() {
        int[] counts = counts(100, 3);
        List<int[]> a = BatchPlanner.shuffledBuckets(counts, 8, 50, new SplittableRandom(9));
        List<int[]> b = BatchPlanner.shuffledBuckets(counts, 8, 50, new SplittableRandom(9));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        int[] equal = new int[100];
        Arrays.fill(equal, 8);
        assertEquals(0.0, BatchPlanner.paddingFraction(
                BatchPlanner.shuffledBuckets(equal, 8, 50, new SplittableRandom(1)), equal));
    }

    @Test
    void bySizeIsSortedAndStable() {
        int[] counts = {5, 3, 5, 1, 3};
        List<int[]> plan = BatchPlanner.bySize(counts, 2);
        assertArrayEquals(new int[] {3, 1}, plan.get(0));
        assertArrayEquals(new int[] {4, 0}, plan.get(1));
        assertArrayEquals(new int[] {2}, plan.get(2));
    }

    @Test
    void bySizeRespectsTheNodeSlotBudget() {
        int[] counts = {150, 8, 8, 8, 8, 150, 150};
        List<int[]> plan = BatchPlanner.bySize(counts, 1024, 300);
        assertArrayEquals(new int[] {1, 2, 3, 4}, plan.get(0));
        assertArrayEquals(new int[] {0, 5}, plan.get(1));
        assertArrayEquals(new int[] {6}, plan.get(2));
        assertEquals(1, BatchPlanner.bySize(new int[] {500}, 8, 300).size(), "a graph larger than the budget still runs");
    }
}
