package org.narformer.train;

/**
 * Which held-out set the per-epoch evaluation (and so the best checkpoint) uses.
 */
public enum SelectionSet {
    /** A validation set disjoint from the test set (the NAS-Bench protocol; the sound default). */
    VALIDATION,
    /**
     * Reference-compatible NNLQP protocol: the evaluation set passed in is the test set and the checkpoint
     * with the best test number is kept (V2 {@code main.py:481-490}). Optimistic; recorded in the manifest.
     */
    BEST_ON_TEST_REFERENCE
}
