package org.narformer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.junit.jupiter.api.Test;

class KendallTauTest {
    @Test
    void equalsCommonsMathOnRandomDataWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        KendallsCorrelation reference = new KendallsCorrelation();
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + random.nextInt(trial < 30 ? 40 : 3000);
            int levels = 1 + random.nextInt(trial % 3 == 0 ? 4 : 200);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(levels);
                // correlated with x, with its own ties
                y[i] = Math.floor(x[i] * 0.5 + random.nextInt(levels) * 0.7);
            }
            double expected = reference.correlation(x, y);
            double actual = KendallTau.tauB(x, y);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "trial " + trial);
            } else {
                assertEquals(expected, actual, 1e-12, "trial " + trial + " n=" + n + " levels=" + levels);
            }
        }
    }

    @Test
    void equalsCommonsMathOnContinuousData() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 5000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            y[i] = x[i] + random.nextGaussian();
        }
        assertEquals(new KendallsCorrelation().correlation(x, y), KendallTau.tauB(x, y), 1e-12);
    }

    @Test
    void smallKnownValues() {
        // scipy.stats.kendalltau([1,2,3,4,5],[1,2,3,4,5]) = 1; reversed = -1
        assertEquals(1.0, KendallTau.tauB(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}), 1e-15);
        assertEquals(-1.0, KendallTau.tauB(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1}), 1e-15);
        // scipy.stats.kendalltau([1,2,2,3],[1,3,2,4]) = 0.9128709291752769 (tau-b with one tie in x)
        assertEquals(0.9128709291752769, KendallTau.tauB(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}),
                1e-15);
    }

    @Test
    void undefinedCasesAreNaNAndBadInputThrows() {
        assertTrue(Double.isNaN(KendallTau.tauB(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(KendallTau.tauB(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class, () -> KendallTau.tauB(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> KendallTau.tauB(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }

    @Test
    void handlesTheFullNasBench101Size() {
        // 423,624 points, heavily tied y: exact against a closed form (x ascending, y = x / 1000 floored:
        // every pair is concordant or tied in y, so tau-b = sqrt((P - Ty) / P) with x untied).
        int n = 423_624;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.floor(i / 1000.0);
        }
        long pairs = (long) n * (n - 1) / 2;
        long tiedY = 0;
        for (int start = 0; start < n; start += 1000) {
            long len = Math.min(1000, n - start);
            tiedY += len * (len - 1) / 2;
        }
        double expected = (pairs - tiedY) / Math.sqrt((double) pairs * (pairs - tiedY));
        assertEquals(expected, KendallTau.tauB(x, y), 1e-12);
    }
}
