package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.narformer.BadInputException;
import org.narformer.TextTable;
import org.narformer.profiler.LatencyComparison;
import org.narformer.profiler.LatencyTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narformer latency compare FIRST SECOND}: how far two measurements of the same models differ. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two latency tables over the models in both (matched by ONNX path): per family and "
                + "overall, the median and 90th percentile of |second - first| / first and the median ratio "
                + "second / first. Re-measure a sample with 'narformer profile --sample 100' to get a dataset's "
                + "stability figure.")
final class LatencyCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FIRST", description = "latency.csv or its directory.")
    Path first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "latency.csv or its directory.")
    Path second;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LatencyComparison comparison = LatencyComparison.of(LatencyTable.read(first), LatencyTable.read(second));
        if (comparison.families().isEmpty()) {
            throw new BadInputException(second.toString(), null, "no model in common with " + first);
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(comparison));
            return ExitCode.OK.code();
        }
        TextTable t = new TextTable("family", "models", "median |diff|", "p90 |diff|", "median ratio");
        for (LatencyComparison.Family f : comparison.families()) {
            t.row(f.family(), f.models(), pct(f.medianRelativeDiff()), pct(f.p90RelativeDiff()),
                    String.format(Locale.ROOT, "%.3f", f.medianRatio()));
        }
        System.out.print(t.render());
        return ExitCode.OK.code();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
