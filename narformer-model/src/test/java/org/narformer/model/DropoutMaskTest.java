package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DropoutMaskTest {
    /** 200,001 draws at rate 0.05: the kept fraction is within 5 standard deviations (0.24 %) of 0.95. */
    @Test
    void keepsEachValueWithProbabilityOneMinusRateAndScalesItUp() {
        DropoutMask.seed(7);
        float[] mask = DropoutMask.mask(200_001, 0.05f);
        float kept = (float) (1 / 0.95);
        long keptCount = 0;
        for (float m : mask) {
            assertTrue(m == 0f || m == kept, "mask value " + m);
            keptCount += m == 0f ? 0 : 1;
        }
        double fraction = keptCount / 200_001.0;
        assertEquals(0.95, fraction, 5 * Math.sqrt(0.95 * 0.05 / 200_001), "kept fraction");
        assertEquals(1.0, Arrays.stream(toDouble(mask)).average().orElseThrow(), 0.01, "the mean is preserved");
    }

    @Test
    void theSameSeedGivesTheSameMasks() {
        DropoutMask.seed(3);
        float[] a = DropoutMask.mask(1001, 0.1f);
        DropoutMask.seed(3);
        float[] b = DropoutMask.mask(1001, 0.1f);
        float[] c = DropoutMask.mask(1001, 0.1f);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(b, c), "the stream moves on");
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
