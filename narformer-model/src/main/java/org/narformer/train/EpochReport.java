package org.narformer.train;

import org.narformer.metrics.Metrics;

/**
 * What one epoch did.
 *
 * @param epoch          1-based epoch number
 * @param steps          optimiser steps in this epoch
 * @param skippedSteps   of those, steps skipped for a non-finite loss or gradient ({@link AdamOptimizer})
 * @param meanLoss       mean training loss over the epoch's applied steps
 * @param learningRate   learning rate of the last step
 * @param evaluation     evaluation numbers, or null when this epoch was not evaluated
 * @param improved       whether this epoch became the new best checkpoint
 * @param emaEvaluation  the same evaluation of the weight EMA, or null (no EMA, or not evaluated)
 * @param paddingFraction fraction of node slots that were padding in this epoch's batches
 * @param seconds        wall time of the epoch, evaluation included
 */
public record EpochReport(int epoch, int steps, int skippedSteps, double meanLoss, float learningRate, Metrics evaluation,
                          boolean improved, Metrics emaEvaluation, double paddingFraction, double seconds) {
}
