package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.narformer.TextTable;
import org.narformer.data.Machine;
import org.narformer.inspect.EncodeBenchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code narformer bench encode FILE…}: time ONNX bytes → V2 tokens per network. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Median time to encode a network: ONNX bytes -> graph IR with shapes -> V2 tokens + static "
                + "features (single thread).")
final class BenchEncodeCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "ONNX files or directories (default: the example networks in examples/).")
    List<Path> files = List.of();

    @Option(names = "--warmup", defaultValue = "100", description = "Untimed encodes per file (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "200", description = "Timed encodes per file (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = InspectCommand.expand(files.isEmpty() ? List.of(ProjectPaths.examples()) : files);
        EncodeBenchmark benchmark = new EncodeBenchmark(warmup, runs);
        int[] failed = {0};
        List<EncodeBenchmark.Result> results = benchmark.measure(inputs, (file, e) -> {
            failed[0]++;
            bench.cli.report(e);
        });
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    java.util.Map.of("machine", Machine.current(), "results", results)));
        } else {
            System.out.println(Machine.current());
            TextTable table = new TextTable("network", "nodes", "runs", "median ms", "p10 ms", "p90 ms");
            for (EncodeBenchmark.Result r : results) {
                table.row(Path.of(r.file()).getFileName(), r.nodeCount(), r.runs(), ms(r.medianMs()), ms(r.p10Ms()),
                        ms(r.p90Ms()));
            }
            System.out.print(table.render());
        }
        if (failed[0] == 0) {
            return ExitCode.OK.code();
        }
        return (results.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE).code();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
