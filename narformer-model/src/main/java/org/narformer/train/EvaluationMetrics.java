package org.narformer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-epoch evaluation numbers of the reference {@code Metric} class (REFERENCE.md §2.4).
 *
 * @param count      number of graphs evaluated
 * @param mape       {@code mean |p − y| / y}
 * @param acc10      fraction with {@code |p − y| / y ≤ 0.10}
 * @param kendallTau Kendall τ-b between targets and predictions
 */
public record EvaluationMetrics(int count, double mape, double acc10, double kendallTau) {
    /** Computes all numbers. */
    public static EvaluationMetrics of(float[] predicted, float[] target) {
        if (predicted.length != target.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + target.length + " targets");
        }
        double ape = 0;
        int within10 = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = Math.abs(predicted[i] - target[i]) / target[i];
            ape += e;
            if (e <= 0.10) {
                within10++;
            }
        }
        int n = predicted.length;
        return new EvaluationMetrics(n, n == 0 ? Double.NaN : ape / n, n == 0 ? Double.NaN : (double) within10 / n,
                KendallTau.tauB(target, predicted));
    }

    /** As an ordered name → value map (manifest, reports). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("count", (double) count);
        m.put("mape", mape);
        m.put("acc10", acc10);
        m.put("kendallTau", kendallTau);
        return m;
    }
}
