package org.narformer.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.narformer.train.TauPoint;

/**
 * Kendall τ against epochs for NAS-Bench training runs as a PNG: per run, τ over all cells where it was evaluated
 * (solid line with markers) and τ on the validation cells that selects the checkpoint (dashed, same colour).
 */
public final class TauCurvePlot {
    private TauCurvePlot() {
    }

    /**
     * Writes the plot to {@code file}.
     *
     * @param curves each run's name and curve, in legend order
     */
    public static void write(Path file, Map<String, List<TauPoint>> curves) throws IOException {
        PngCharts.headless();
        XYChart chart = new XYChartBuilder().width(1000).height(700).title("Kendall tau against epochs")
                .xAxisTitle("epoch").yAxisTitle("Kendall tau").build();
        chart.getStyler().setMarkerSize(5);
        Color[] palette = chart.getStyler().getSeriesColors();
        int k = 0;
        for (Map.Entry<String, List<TauPoint>> run : curves.entrySet()) {
            Color colour = palette[k++ % palette.length];
            add(chart, run.getKey() + ": all cells", run.getValue(), TauPoint::allTau, colour, true);
            add(chart, run.getKey() + ": validation", run.getValue(), TauPoint::selectionTau, colour, false);
        }
        PngCharts.write(file, chart);
    }

    /** Adds the points of {@code curve} whose {@code tau} is a number (none: no series). */
    private static void add(XYChart chart, String name, List<TauPoint> curve, ToDoubleFunction<TauPoint> tau,
                            Color colour, boolean allCells) {
        List<TauPoint> points = curve.stream().filter(p -> Double.isFinite(tau.applyAsDouble(p))).toList();
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(TauPoint::epoch).toArray();
        double[] y = points.stream().mapToDouble(tau).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(allCells ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setLineStyle(allCells ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
    }
}
