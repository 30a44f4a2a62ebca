package org.narformer.train;

/**
 * One V1 training epoch.
 *
 * @param epoch    1-based epoch
 * @param loss     mean training loss over the applied steps
 * @param valTau   Kendall τ of the raw network on the validation set
 * @param emaValTau Kendall τ of the EMA network on the validation set (NaN without EMA)
 */
public record V1EpochReport(int epoch, double loss, double valTau, double emaValTau) {
}
