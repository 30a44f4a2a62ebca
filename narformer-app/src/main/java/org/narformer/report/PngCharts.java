package org.narformer.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.narformer.AtomicFiles;

/** Writes XChart charts as PNG files, headless and atomically (a reader never sees a half-written image). */
final class PngCharts {
    private PngCharts() {
    }

    /** Sets the headless mode a chart needs before it is built on a machine without a display. */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Renders {@code chart} on a white background into {@code file}. */
    static void write(Path file, XYChart chart) throws IOException {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
