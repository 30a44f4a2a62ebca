package org.narformer.train;

import org.narformer.metrics.Metrics;

/**
 * The validation number that picks the best checkpoint (REFERENCE.md §4.4): Kendall τ on NAS-Bench
 * ({@code 'nasbench' in --dataset and tau > best_tau}), MAPE on NNLQP ({@code acc < best_acc}).
 */
public enum SelectionMetric {
    /** Kendall τ-b between predictions and targets; higher is better. */
    KENDALL_TAU(true),
    /** Mean absolute percentage error {@code mean |p − y| / y}; lower is better. */
    MAPE(false);

    private final boolean higherIsBetter;

    SelectionMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** True when {@code candidate} beats {@code best} (NaN never does). */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        return Double.isNaN(best) || (higherIsBetter ? candidate > best : candidate < best);
    }

    public double value(Metrics metrics) {
        return this == KENDALL_TAU ? metrics.kendallTau() : metrics.mape();
    }
}
