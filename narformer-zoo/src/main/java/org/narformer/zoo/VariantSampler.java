package org.narformer.zoo;

import java.util.SplittableRandom;

/**
 * Draws the per-layer choices of one model variant the way nn-Meter generated NNLQP's families: each layer's
 * output channels scaled by a factor drawn uniformly from {@code [minScale, maxScale]}, each non-pointwise
 * kernel drawn from the family's allowed sizes. {@link #original()} keeps every original value (the base
 * architecture, e.g. torchvision's).
 */
public final class VariantSampler {
    private final SplittableRandom random;
    private final double minScale;
    private final double maxScale;

    private VariantSampler(SplittableRandom random, double minScale, double maxScale) {
        this.random = random;
        this.minScale = minScale;
        this.maxScale = maxScale;
    }

    /** The base architecture: no scaling, original kernels. */
    public static VariantSampler original() {
        return new VariantSampler(null, 1, 1);
    }

    /** Random choices from {@code random} with channel scales in {@code [minScale, maxScale]}. */
    public static VariantSampler random(SplittableRandom random, double minScale, double maxScale) {
        if (!(minScale > 0 && maxScale >= minScale)) {
            throw new IllegalArgumentException("channel scale range must satisfy 0 < min ≤ max, got " + minScale
                    + ".." + maxScale);
        }
        return new VariantSampler(random, minScale, maxScale);
    }

    /** The channels of a layer whose original width is {@code original} (at least 1). */
    public int channels(int original) {
        if (random == null) {
            return original;
        }
        return Math.max(1, (int) Math.round(original * random.nextDouble(minScale, maxScale + 1e-12)));
    }

    /** A kernel size from {@code allowed}, or {@code original} for the base architecture. */
    public int kernel(int original, int... allowed) {
        return random == null ? original : allowed[random.nextInt(allowed.length)];
    }

    /** An index in {@code [0, bound)} (for the NB201 family's random cell); 0 for the base architecture. */
    public int choice(int bound) {
        return random == null ? 0 : random.nextInt(bound);
    }
}
