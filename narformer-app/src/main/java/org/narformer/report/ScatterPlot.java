package org.narformer.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A predicted-vs-measured scatter plot as a PNG (XChart, headless): one series per group (in name order) and
 * the diagonal y = x.
 */
public final class ScatterPlot {
    private ScatterPlot() {
    }

    /**
     * Writes the plot to {@code file}.
     *
     * @param groups the group of each point, or null for one series
     */
    public static void write(Path file, String title, String measuredName, double[] measured, double[] predicted,
                             String[] groups) throws IOException {
        PngCharts.headless();
        XYChart chart = new XYChartBuilder().width(900).height(800).title(title)
                .xAxisTitle("measured " + measuredName).yAxisTitle("predicted").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < measured.length; i++) {
            members.computeIfAbsent(groups == null ? "all" : groups[i], g -> new ArrayList<>()).add(i);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] x = new double[idx.size()];
            double[] y = new double[idx.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = measured[idx.get(k)];
                y[k] = predicted[idx.get(k)];
                lo = Math.min(lo, Math.min(x[k], y[k]));
                hi = Math.max(hi, Math.max(x[k], y[k]));
            }
            chart.addSeries(e.getKey() + " (" + x.length + ")", x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        if (lo < hi) {
            XYSeries diagonal = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
            diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            diagonal.setMarker(SeriesMarkers.NONE);
            diagonal.setLineColor(Color.GRAY);
        }
        PngCharts.write(file, chart);
    }
}
