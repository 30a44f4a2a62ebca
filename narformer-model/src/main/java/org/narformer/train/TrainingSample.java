package org.narformer.train;

import org.narformer.tokenizer.TokenizedGraph;

/**
 * One training or evaluation example: a tokenized graph, its label (latency in ms or accuracy as a fraction),
 * and, when the consistency loss is on, the augmented twin (the same architecture with relabelled nodes,
 * REFERENCE.md §3.2) — the graph itself when no valid permutation exists.
 *
 * @param graph     the graph
 * @param augmented the augmented twin, or null when not used
 * @param target    the label; must be positive (the loss is relative, {@code pred / y})
 */
public record TrainingSample(TokenizedGraph graph, TokenizedGraph augmented, float target) {
    public TrainingSample {
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        if (!(target > 0) || !Float.isFinite(target)) {
            throw new IllegalArgumentException("target must be positive and finite (relative loss): " + target);
        }
    }

    /** An example without an augmented twin. */
    public static TrainingSample of(TokenizedGraph graph, float target) {
        return new TrainingSample(graph, null, target);
    }

    /** The twin, or the graph itself when there is none. */
    public TokenizedGraph augmentedOrSelf() {
        return augmented == null ? graph : augmented;
    }
}
