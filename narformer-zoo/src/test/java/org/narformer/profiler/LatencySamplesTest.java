package org.narformer.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {
    @Test
    void percentilesInterpolateLikeNumpy() {
        LatencySamples s = new LatencySamples();
        for (double v : new double[] {4, 1, 3, 2}) {
            s.add(v);
        }
        assertEquals(2.5, s.percentile(50), 1e-12);
        assertEquals(1.3, s.percentile(10), 1e-12);
        assertEquals(3.7, s.percentile(90), 1e-12);
        assertEquals(2.5, s.mean(), 1e-12);
    }

    @Test
    void stableOnlyAfterMinRunsAndWhenMedianStopsMoving() {
        LatencySamples s = new LatencySamples();
        for (int i = 0; i < 9; i++) {
            s.add(10);
        }
        assertFalse(s.isStable(10, 5, 0.01), "fewer than the minimum runs");
        s.add(10);
        assertTrue(s.isStable(10, 5, 0.01));
        LatencySamples growing = new LatencySamples();
        for (int i = 1; i <= 20; i++) {
            growing.add(i);
        }
        assertFalse(growing.isStable(10, 5, 0.01), "the running median still moves by > 1 %");
    }
}
