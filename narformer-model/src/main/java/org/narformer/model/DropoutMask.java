package org.narformer.model;

import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;

/**
 * Inverted dropout with its Bernoulli mask drawn in Java: each element is kept with probability {@code 1 − rate}
 * (to 2⁻³² — each element compares one 32-bit uniform) and kept elements are scaled by {@code 1 / (1 − rate)}, as
 * {@code torch.nn.functional.dropout} does; identity when not training or at rate 0. Shapes: any, output as input.
 *
 * <p>Why not PyTorch's: its CPU {@code bernoulli_} uses MKL only on Intel processors and otherwise draws element by
 * element on one thread, a large share of the NB201 V2 forward pass on this project's AMD machines (docs/RESULTS.md,
 * "Where a training step's time goes"). Two 32-bit uniforms per {@code SplittableRandom.nextLong()} cost far less.
 *
 * <p>The mask stream is seeded with the engine's by {@link #seed(int)}, so seeded runs stay reproducible; like the
 * engine's generator it is one stream for the process.
 */
public final class DropoutMask {
    private static SplittableRandom random = new SplittableRandom(0);

    private DropoutMask() {
    }

    /** Seeds both the engine's generator (initialisation) and the dropout masks' stream. */
    public static synchronized void seed(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        random = new SplittableRandom(seed);
    }

    /** {@code x ⊙ mask / (1 − rate)} in training, {@code x} otherwise. */
    public static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        if (!(rate > 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        }
        return x.mul(x.getManager().create(mask(Math.toIntExact(x.size()), rate), x.getShape()));
    }

    /** {@code n} values, each {@code 1/(1 − rate)} with probability {@code 1 − rate} and 0 otherwise. */
    static synchronized float[] mask(int n, float rate) {
        long keepBelow = (long) Math.floor((1.0 - rate) * 4294967296.0);
        float kept = (float) (1.0 / (1.0 - rate));
        float[] mask = new float[n];
        for (int i = 0; i < n; i += 2) {
            long bits = random.nextLong();
            if ((bits >>> 32) < keepBelow) {
                mask[i] = kept;
            }
            if (i + 1 < n && (bits & 0xFFFFFFFFL) < keepBelow) {
                mask[i + 1] = kept;
            }
        }
        return mask;
    }
}
