package org.narformer.zoo;

import java.util.List;

/**
 * What {@link ZooGenerator} writes.
 *
 * @param families      the families to generate
 * @param count         variants per family (nn-Meter/NNLQP: 2,000)
 * @param seed          variant k of a family uses seed {@code seed + k}
 * @param randomWeights true: seeded random weights (seed of the variant); false: weight-stripped (NNLQP's
 *                      "no-weight" convention; the profiler fills them)
 * @param minScale      smallest channel scale (nn-Meter: 0.2)
 * @param maxScale      largest channel scale (nn-Meter: 1.8)
 */
public record ZooConfig(List<ModelFamily> families, int count, long seed, boolean randomWeights, double minScale,
                        double maxScale) {
    public ZooConfig {
        families = List.copyOf(families);
        if (families.isEmpty() || count < 1 || !(minScale > 0 && maxScale >= minScale)) {
            throw new IllegalArgumentException("need ≥ 1 family, count ≥ 1 and 0 < min scale ≤ max scale; got "
                    + families.size() + ", " + count + ", " + minScale + ".." + maxScale);
        }
    }

    /** All ten families, 200 variants each, seed 0, stripped weights, scales 0.2..1.8. */
    public static ZooConfig defaults() {
        return new ZooConfig(List.of(ModelFamily.values()), 200, 0, false, ModelFamily.DEFAULT_MIN_SCALE,
                ModelFamily.DEFAULT_MAX_SCALE);
    }
}
