package org.narformer.metrics;

import java.util.List;

/**
 * The prediction-quality metrics of one set of (predicted, measured) pairs, as the reference code computes them
 * (REFERENCE.md §2.4): relative errors use the measured value as the denominator; accuracies are fractions.
 *
 * @param count       number of pairs
 * @param mape        mean of |p − g| / g (a fraction; papers print it in %)
 * @param rmse        √(mean (p − g)²), in the unit of the target
 * @param acc1        fraction of pairs with |p − g| / g ≤ 0.01 ("Acc(1%)")
 * @param acc5        fraction with relative error ≤ 0.05
 * @param acc10       fraction with relative error ≤ 0.10 ("Acc(10%)", "ErrBnd(0.1)")
 * @param kendallTau  Kendall τ-b ({@code scipy.stats.kendalltau}); NaN when undefined (n &lt; 2 or a constant side)
 * @param spearmanRho Spearman ρ with average ranks for ties; NaN when undefined
 */
public record Metrics(int count, double mape, double rmse, double acc1, double acc5, double acc10,
                      double kendallTau, double spearmanRho) {
    /** The δ thresholds of {@link #acc1()}, {@link #acc5()}, {@link #acc10()}. */
    public static final double[] DELTAS = {0.01, 0.05, 0.10};

    public Metrics {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    /**
     * All metrics of {@code predicted} against {@code measured}.
     *
     * @throws IllegalArgumentException when the lengths differ, a value is not finite, a measured value is not
     *                                  positive (relative errors divide by it), or there are no pairs
     */
    public static Metrics of(double[] predicted, double[] measured) {
        Checks.sameLength(predicted, measured);
        if (predicted.length == 0) {
            throw new IllegalArgumentException("no pairs to evaluate");
        }
        Checks.finite(predicted, "predicted");
        Checks.positiveFinite(measured);
        return new Metrics(predicted.length, mape(predicted, measured), rmse(predicted, measured),
                accuracyWithin(predicted, measured, DELTAS[0]), accuracyWithin(predicted, measured, DELTAS[1]),
                accuracyWithin(predicted, measured, DELTAS[2]), KendallTau.tauB(predicted, measured),
                SpearmanRho.rho(predicted, measured));
    }

    /** Mean absolute percentage error as a fraction: mean |p − g| / g. */
    public static double mape(double[] predicted, double[] measured) {
        Checks.sameLength(predicted, measured);
        Checks.positiveFinite(measured);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - measured[i]) / measured[i];
        }
        return sum / predicted.length;
    }

    /** Root mean squared error, in the target's unit. */
    public static double rmse(double[] predicted, double[] measured) {
        Checks.sameLength(predicted, measured);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - measured[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }

    /** Fraction of pairs whose relative error |p − g| / g is at most {@code delta}. */
    public static double accuracyWithin(double[] predicted, double[] measured, double delta) {
        Checks.sameLength(predicted, measured);
        Checks.positiveFinite(measured);
        int hits = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (Math.abs(predicted[i] - measured[i]) / measured[i] <= delta) {
                hits++;
            }
        }
        return (double) hits / predicted.length;
    }

    /**
     * The unweighted mean of each metric over {@code parts} (the "Average" row of the leave-one-family-out table,
     * reference {@code tocsv.py}); {@code count} is the total. A metric that is NaN in any part is NaN.
     */
    public static Metrics meanOf(List<Metrics> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no metrics to average");
        }
        int count = 0;
        double[] sums = new double[7];
        for (Metrics m : parts) {
            count += m.count;
            double[] v = {m.mape, m.rmse, m.acc1, m.acc5, m.acc10, m.kendallTau, m.spearmanRho};
            for (int i = 0; i < v.length; i++) {
                sums[i] += v[i];
            }
        }
        int k = parts.size();
        return new Metrics(count, sums[0] / k, sums[1] / k, sums[2] / k, sums[3] / k, sums[4] / k, sums[5] / k,
                sums[6] / k);
    }
}
