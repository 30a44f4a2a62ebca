package org.narformer.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class SpearmanRhoTest {
    @Test
    void averageRanksForTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, SpearmanRho.averageRanks(new double[] {1, 2, 2, 3}));
        assertArrayEquals(new double[] {3, 1.5, 1.5}, SpearmanRho.averageRanks(new double[] {9, 4, 4}));
    }

    @Test
    void equalsCommonsMathWithTies() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(2000);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(30);
                y[i] = x[i] + random.nextInt(20);
            }
            assertEquals(new SpearmansCorrelation().correlation(x, y), SpearmanRho.rho(x, y), 1e-12);
        }
    }

    @Test
    void constantSideIsUndefined() {
        assertTrue(Double.isNaN(SpearmanRho.rho(new double[] {1, 1}, new double[] {1, 2})));
    }
}
