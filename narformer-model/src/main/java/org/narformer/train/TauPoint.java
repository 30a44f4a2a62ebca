package org.narformer.train;

/**
 * One point of the τ-vs-epoch curve of a NAS-Bench run.
 *
 * @param epoch          epochs completed (0 = the untrained model)
 * @param steps          optimiser steps completed
 * @param trainLoss      mean training loss of this epoch (NaN at epoch 0)
 * @param selectionTau   Kendall τ on the selection set (validation cells, or all cells with {@code --select-on
 *                       test}); NaN at epoch 0
 * @param allTau         Kendall τ-b over all cells against the test label; NaN when not evaluated at this epoch
 * @param elapsedSeconds wall time since the run started (data loading included)
 * @param emaSelectionTau the same as {@code selectionTau} for the weight EMA; NaN without EMA
 * @param emaAllTau      the same as {@code allTau} for the weight EMA; NaN without EMA or when not evaluated
 */
public record TauPoint(int epoch, long steps, double trainLoss, double selectionTau, double allTau,
                       double elapsedSeconds, double emaSelectionTau, double emaAllTau) {
    /** A point without a weight EMA. */
    public TauPoint(int epoch, long steps, double trainLoss, double selectionTau, double allTau,
                    double elapsedSeconds) {
        this(epoch, steps, trainLoss, selectionTau, allTau, elapsedSeconds, Double.NaN, Double.NaN);
    }
}
