package org.narformer.profiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.narformer.NarFormerException;
import org.narformer.metrics.Median;
import org.narformer.onnx.OnnxImporter;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;

/**
 * Per-family statistics of a latency table: how many models, the range of their FLOPs and latency, how stable
 * their measurements were. FLOPs come from importing each ONNX file (reference static features, batch 1).
 *
 * @param families one entry per family, then {@code all}
 */
public record LatencyStatistics(List<Family> families) {
    /**
     * @param family        family name, or {@code all}
     * @param models        models measured
     * @param gflops        min, median, max GFLOPs (NaN when the ONNX files were not found)
     * @param latencyMs     min, median, max median latency
     * @param medianSpread  median over models of (p90 − p10) / median
     * @param stoppedEarly  fraction of models whose median was stable before the run limit
     */
    public record Family(String family, int models, double[] gflops, double[] latencyMs, double medianSpread,
                         double stoppedEarly) {
    }

    /**
     * @param onnxRoot directory that relative ONNX paths of the table are resolved against; null to skip FLOPs
     */
    public static LatencyStatistics of(LatencyTable table, Path onnxRoot) {
        List<Family> families = new ArrayList<>();
        for (Map.Entry<String, List<LatencyTable.Row>> e : table.byFamily().entrySet()) {
            families.add(family(e.getKey(), e.getValue(), onnxRoot));
        }
        families.add(family("all", table.rows(), onnxRoot));
        return new LatencyStatistics(families);
    }

    private static Family family(String name, List<LatencyTable.Row> rows, Path onnxRoot) {
        double[] latency = rows.stream().mapToDouble(LatencyTable.Row::medianMs).toArray();
        double[] spread = rows.stream().mapToDouble(LatencyTable.Row::relativeSpread).toArray();
        double early = rows.stream().filter(LatencyTable.Row::stoppedEarly).count() / (double) rows.size();
        double[] gflops = new double[] {Double.NaN, Double.NaN, Double.NaN};
        if (onnxRoot != null) {
            double[] flops = rows.stream().mapToDouble(r -> gflops(onnxRoot.resolve(r.onnxPath()))).toArray();
            gflops = minMedianMax(flops);
        }
        return new Family(name, rows.size(), gflops, minMedianMax(latency), Median.of(spread), early);
    }

    private static double gflops(Path file) {
        try {
            return StaticFeatures.of(OnnxImporter.read(file), StaticFeatureMode.REFERENCE).flops() / 1e9;
        } catch (NarFormerException e) {
            return Double.NaN;
        }
    }

    static double[] minMedianMax(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return new double[] {s[0], Median.of(s), s[s.length - 1]};
    }
}
