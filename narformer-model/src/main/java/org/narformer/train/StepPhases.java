package org.narformer.train;

import java.util.ArrayList;
import java.util.List;

import org.narformer.metrics.Median;

/**
 * Wall time of each phase of the training steps it is given to ({@link TrainingStep#withPhases}), for finding where a
 * step's time goes: building the padded batch on the native side, the forward pass, the loss, the backward pass and
 * the optimiser update (with its finiteness check). PyTorch on the CPU runs every operation before returning, so the
 * boundaries are exact. A step's phase times add up to its time but for releasing its native arrays at the end.
 */
public final class StepPhases {
    /** The phases, in step order. */
    public enum Phase {
        /** Padding the graphs and copying them to native arrays. */
        BATCH,
        /** The network's forward pass in training mode. */
        FORWARD,
        /** The loss terms. */
        LOSS,
        /** Back-propagation (and reading the loss). */
        BACKWARD,
        /** Adam(W): the finiteness check, the update and zeroing the gradients. */
        UPDATE
    }

    private final List<long[]> steps = new ArrayList<>();

    /** Records one step from its phase boundaries: {@code Phase.values().length + 1} {@code System.nanoTime()}s. */
    void record(long... boundaries) {
        if (boundaries.length != Phase.values().length + 1) {
            throw new IllegalArgumentException("need " + (Phase.values().length + 1) + " boundaries");
        }
        long[] nanos = new long[Phase.values().length];
        for (int p = 0; p < nanos.length; p++) {
            nanos[p] = boundaries[p + 1] - boundaries[p];
        }
        steps.add(nanos);
    }

    /** Steps recorded. */
    public int steps() {
        return steps.size();
    }

    /** Forgets the steps recorded so far (after a warm-up). */
    public void clear() {
        steps.clear();
    }

    /** The median over the recorded steps of {@code phase}'s time, in ms; NaN before any step. */
    public double medianMs(Phase phase) {
        return Median.of(steps.stream().mapToDouble(s -> s[phase.ordinal()] / 1e6).toArray());
    }
}
