package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.narformer.TextTable;
import org.narformer.profiler.LatencyStatistics;
import org.narformer.profiler.LatencyTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narformer latency summary TABLE}: per-family FLOPs and latency ranges and measurement stability. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per family of a latency table: models, GFLOPs (min/median/max, from the ONNX files), "
                + "latency in ms (min/median/max), the median spread (p90 - p10) / median of the timed runs, and "
                + "the fraction of models that stopped early with a stable median.")
final class LatencySummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE", description = "latency.csv, or the directory holding it.")
    Path table;

    @Option(names = "--onnx-root", paramLabel = "DIR",
            description = "Directory the table's relative ONNX paths start from (default: the current directory).")
    Path onnxRoot = Path.of("");

    @Option(names = "--no-flops", description = "Do not read the ONNX files.")
    boolean noFlops;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LatencyStatistics stats = LatencyStatistics.of(LatencyTable.read(table), noFlops ? null : onnxRoot);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats));
            return ExitCode.OK.code();
        }
        TextTable t = new TextTable("family", "models", "GFLOPs min", "median", "max", "latency ms min", "median",
                "max", "spread", "early stop");
        for (LatencyStatistics.Family f : stats.families()) {
            t.row(f.family(), f.models(), num(f.gflops()[0]), num(f.gflops()[1]), num(f.gflops()[2]),
                    num(f.latencyMs()[0]), num(f.latencyMs()[1]), num(f.latencyMs()[2]),
                    String.format(Locale.ROOT, "%.1f%%", 100 * f.medianSpread()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * f.stoppedEarly()));
        }
        System.out.print(t.render());
        return ExitCode.OK.code();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
    }
}
