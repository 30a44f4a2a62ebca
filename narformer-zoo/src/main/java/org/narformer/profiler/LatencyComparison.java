package org.narformer.profiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.metrics.Median;

/**
 * Two measurements of the same models compared: per family and overall, the median of
 * {@code |second − first| / first} over the models present in both tables (matched by ONNX path) — the
 * stability figure of a latency dataset when the second table re-measures a sample of the first.
 *
 * @param families one entry per family of the matched models, then {@code all}
 */
public record LatencyComparison(List<Family> families) {
    /**
     * @param family                family name, or {@code all}
     * @param models                models in both tables
     * @param medianRelativeDiff    median of |b − a| / a
     * @param p90RelativeDiff       90th percentile of |b − a| / a
     * @param medianRatio           median of b / a (above 1: the second run was slower)
     */
    public record Family(String family, int models, double medianRelativeDiff, double p90RelativeDiff,
                         double medianRatio) {
    }

    public static LatencyComparison of(LatencyTable first, LatencyTable second) {
        Map<String, LatencyTable.Row> byPath = new LinkedHashMap<>();
        first.rows().forEach(r -> byPath.put(r.onnxPath(), r));
        Map<String, List<double[]>> pairs = new LinkedHashMap<>();
        List<double[]> all = new ArrayList<>();
        for (LatencyTable.Row b : second.rows()) {
            LatencyTable.Row a = byPath.get(b.onnxPath());
            if (a != null) {
                double[] pair = {a.medianMs(), b.medianMs()};
                pairs.computeIfAbsent(a.family(), k -> new ArrayList<>()).add(pair);
                all.add(pair);
            }
        }
        List<Family> families = new ArrayList<>();
        pairs.forEach((name, p) -> families.add(family(name, p)));
        if (!all.isEmpty()) {
            families.add(family("all", all));
        }
        return new LatencyComparison(families);
    }

    private static Family family(String name, List<double[]> pairs) {
        double[] diff = pairs.stream().mapToDouble(p -> Math.abs(p[1] - p[0]) / p[0]).toArray();
        double[] ratio = pairs.stream().mapToDouble(p -> p[1] / p[0]).toArray();
        double[] sorted = diff.clone();
        java.util.Arrays.sort(sorted);
        double p90 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)];
        return new Family(name, pairs.size(), Median.of(diff), p90, Median.of(ratio));
    }
}
