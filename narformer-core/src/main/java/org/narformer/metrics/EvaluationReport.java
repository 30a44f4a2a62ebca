package org.narformer.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The evaluation of one prediction run: the metrics over all pairs and per group (family or device), groups in
 * name order. Serialises to and from JSON with Jackson (undefined correlations are written as {@code "NaN"})
 * and renders as a fixed-width text table with errors and accuracies in %.
 *
 * @param target  what was predicted, e.g. {@code latency_ms} or {@code test}
 * @param overall metrics over every pair
 * @param groups  metrics per group, by group name (iteration in name order)
 */
public record EvaluationReport(String target, Metrics overall, Map<String, Metrics> groups) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        if (target == null || overall == null) {
            throw new IllegalArgumentException("target and overall metrics are required");
        }
        groups = Collections.unmodifiableMap(new TreeMap<>(groups == null ? Map.of() : groups));
    }

    /**
     * Evaluates {@code predicted} against {@code measured}, overall and per group.
     *
     * @param groups the group of each pair (same length), or null for no per-group metrics
     * @throws IllegalArgumentException on mismatched lengths or values {@link Metrics#of} rejects
     */
    public static EvaluationReport of(String target, double[] predicted, double[] measured, String[] groups) {
        Metrics overall = Metrics.of(predicted, measured);
        Map<String, Metrics> perGroup = new TreeMap<>();
        if (groups != null) {
            if (groups.length != predicted.length) {
                throw new IllegalArgumentException("groups has " + groups.length + " entries, predictions "
                        + predicted.length);
            }
            Map<String, List<Integer>> members = new TreeMap<>();
            for (int i = 0; i < groups.length; i++) {
                members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
                List<Integer> idx = e.getValue();
                double[] p = new double[idx.size()];
                double[] g = new double[idx.size()];
                for (int k = 0; k < p.length; k++) {
                    p[k] = predicted[idx.get(k)];
                    g[k] = measured[idx.get(k)];
                }
                perGroup.put(e.getKey(), Metrics.of(p, g));
            }
        }
        return new EvaluationReport(target, overall, perGroup);
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an evaluation report", e);
        }
    }

    /** Reads a report written by {@link #toJson()}. */
    public static EvaluationReport fromJson(String json) {
        try {
            return JSON.readValue(json, EvaluationReport.class);
        } catch (JsonProcessingException e) {
            throw new org.narformer.BadInputException("evaluation report", null, "not a report: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * A fixed-width table: one row for all pairs, then one per group; MAPE and Acc in %, RMSE in the target's
     * unit, τ and ρ as numbers ({@code -} when undefined).
     */
    public String toTable() {
        int width = "group".length();
        width = Math.max(width, "all".length());
        for (String g : groups.keySet()) {
            width = Math.max(width, g.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("target: ").append(target).append('\n');
        String head = String.format(Locale.ROOT, "%-" + width + "s %8s %8s %10s %7s %7s %7s %8s %8s\n", "group",
                "n", "MAPE%", "RMSE", "Acc1%", "Acc5%", "Acc10%", "tau", "rho");
        sb.append(head);
        sb.append("-".repeat(head.length() - 1)).append('\n');
        row(sb, width, "all", overall);
        for (Map.Entry<String, Metrics> e : groups.entrySet()) {
            row(sb, width, e.getKey(), e.getValue());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int width, String name, Metrics m) {
        sb.append(String.format(Locale.ROOT, "%-" + width + "s %8d %8.3f %10.4g %7.2f %7.2f %7.2f %8s %8s\n",
                name, m.count(), 100 * m.mape(), m.rmse(), 100 * m.acc1(), 100 * m.acc5(), 100 * m.acc10(),
                correlation(m.kendallTau()), correlation(m.spearmanRho())));
    }

    private static String correlation(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
