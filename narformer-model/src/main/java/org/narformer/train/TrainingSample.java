package org.narformer.train;

import java.util.Arrays;

import org.narformer.tokenizer.TokenizedGraph;

/**
 * One training or evaluation example: a tokenized graph, its labels (latency in ms or accuracy as a fraction; one
 * per model output, so several for a multi-device latency model), and, when the consistency loss is on, the
 * augmented twin (the same architecture with relabelled nodes, REFERENCE.md §3.2) — the graph itself when no valid
 * permutation exists.
 *
 * @param graph     the graph
 * @param augmented the augmented twin, or null when not used
 * @param targets   the labels, one per model output; each positive (the loss is relative, {@code pred / y})
 */
public record TrainingSample(TokenizedGraph graph, TokenizedGraph augmented, float[] targets) {
    public TrainingSample {
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        if (targets == null || targets.length == 0) {
            throw new IllegalArgumentException("at least one target is required");
        }
        for (float t : targets) {
            if (!(t > 0) || !Float.isFinite(t)) {
                throw new IllegalArgumentException("targets must be positive and finite (relative loss): "
                        + Arrays.toString(targets));
            }
        }
    }

    /** An example with one label. */
    public TrainingSample(TokenizedGraph graph, TokenizedGraph augmented, float target) {
        this(graph, augmented, new float[] {target});
    }

    /** An example with one label and no augmented twin. */
    public static TrainingSample of(TokenizedGraph graph, float target) {
        return new TrainingSample(graph, null, target);
    }

    /** The label of a single-output example. */
    public float target() {
        if (targets.length != 1) {
            throw new IllegalStateException("this sample has " + targets.length + " targets");
        }
        return targets[0];
    }

    /** The number of labels (model outputs). */
    public int outputs() {
        return targets.length;
    }

    /** The twin, or the graph itself when there is none. */
    public TokenizedGraph augmentedOrSelf() {
        return augmented == null ? graph : augmented;
    }
}
