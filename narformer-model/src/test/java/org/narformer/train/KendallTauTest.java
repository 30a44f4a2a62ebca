package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KendallTauTest {
    @Test
    void matchesTheDirectDefinitionWithTies() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(60);
            float[] x = new float[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(6);
                y[i] = rng.nextInt(trial % 2 == 0 ? 5 : 1000);
            }
            assertEquals(direct(x, y), KendallTau.tauB(x, y), 1e-12, "trial " + trial);
        }
    }

    @Test
    void knownValues() {
        assertEquals(1.0, KendallTau.tauB(new float[] {1, 2, 3}, new float[] {10, 20, 30}), 1e-12);
        assertEquals(-1.0, KendallTau.tauB(new float[] {1, 2, 3}, new float[] {3, 2, 1}), 1e-12);
        // scipy.stats.kendalltau([1,2,2,3], [1,3,2,3]).statistic = 0.8 (C = 4, D = 0, one tie in x, one in y)
        assertEquals(0.8, KendallTau.tauB(new float[] {1, 2, 2, 3}, new float[] {1, 3, 2, 3}), 1e-12);
        assertTrue(Double.isNaN(KendallTau.tauB(new float[] {1, 1}, new float[] {1, 2})));
    }

    private static double direct(float[] x, float[] y) {
        long concordant = 0;
        long discordant = 0;
        long onlyX = 0;
        long onlyY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int sx = Float.compare(x[i], x[j]);
                int sy = Float.compare(y[i], y[j]);
                if (sx == 0 && sy == 0) {
                    continue;
                } else if (sx == 0) {
                    onlyX++;
                } else if (sy == 0) {
                    onlyY++;
                } else if (sx == sy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double d = Math.sqrt((double) (concordant + discordant + onlyX) * (concordant + discordant + onlyY));
        return d == 0 ? Double.NaN : (concordant - discordant) / d;
    }
}
