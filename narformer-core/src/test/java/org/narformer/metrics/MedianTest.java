package org.narformer.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianTest {
    @Test
    void theMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        double[] odd = {9, 1, 5};
        assertEquals(5, Median.of(odd), 0.0);
        assertArrayEquals(new double[] {9, 1, 5}, odd, "the input is not reordered");
        assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(7, Median.of(new double[] {7}), 0.0);
        assertTrue(Double.isNaN(Median.of(new double[0])));
    }
}
