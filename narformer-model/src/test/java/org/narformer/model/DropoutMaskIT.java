package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** {@link DropoutMask#apply} on engine arrays: the identity paths, and the training path as {@code x ⊙ mask}. */
class DropoutMaskIT {
    private static final float[] VALUES = {1, -2, 3, -4, 5, -6};

    @Test
    void isTheIdentityOutsideTrainingAndAtRateZeroWithoutMovingTheStream() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(VALUES, new Shape(2, 3));
            DropoutMask.seed(11);
            assertSame(x, DropoutMask.apply(x, 0.5f, false));
            assertSame(x, DropoutMask.apply(x, 0f, true));
            float[] next = DropoutMask.mask(6, 0.5f);
            DropoutMask.seed(11);
            assertArrayEquals(DropoutMask.mask(6, 0.5f), next, "the identity paths draw nothing");
        }
    }

    @Test
    void inTrainingMultipliesByTheSeededMaskAndKeepsTheShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(VALUES, new Shape(2, 3));
            DropoutMask.seed(5);
            float[] mask = DropoutMask.mask(6, 0.3f);
            DropoutMask.seed(5);
            NDArray y = DropoutMask.apply(x, 0.3f, true);
            assertEquals(new Shape(2, 3), y.getShape());
            float[] expected = new float[6];
            for (int i = 0; i < 6; i++) {
                expected[i] = VALUES[i] * mask[i];
            }
            assertArrayEquals(expected, y.toFloatArray(), 0f);
            assertThrows(IllegalArgumentException.class, () -> DropoutMask.apply(x, 1f, true));
        }
    }
}
