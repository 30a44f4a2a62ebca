package org.narformer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.narformer.BadInputException;
import org.narformer.inspect.NetworkInspector;
import org.narformer.inspect.NetworkSummary;
import org.narformer.TextTable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code narformer inspect FILE…}: summarise ONNX networks, continuing past bad files. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise ONNX networks: nodes, edges, op histogram, input shape, FLOPs / parameters / "
                + "memory access (reference and extended counting), V2 token dimensions and checksums.",
                "Bad files are reported (file and node) and skipped; the exit code is then 3 (all bad) or 5 (some)."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "ONNX files or directories (default: the example networks in examples/).")
    List<Path> files = List.of();

    @ParentCommand
    NarFormerCli parent;

    @Option(names = "--json", description = "Print JSON (a list of summaries and a list of errors).")
    boolean json;

    @Option(names = "--batch-size", defaultValue = "1", description = "Batch size forced on the inputs (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = expand(files.isEmpty() ? List.of(ProjectPaths.examples()) : files);
        NetworkInspector inspector = new NetworkInspector(batchSize);
        List<NetworkSummary> summaries = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Path file : inputs) {
            try {
                summaries.add(inspector.inspect(file));
            } catch (BadInputException e) {
                errors.put(file.toString(), e.getMessage());
                parent.report(e);
            }
        }
        PrintStream out = System.out;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("networks", summaries);
            doc.put("errors", errors);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else if (!summaries.isEmpty()) {
            printTable(out, summaries);
        }
        if (errors.isEmpty()) {
            return ExitCode.OK.code();
        }
        return (summaries.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE).code();
    }

    private static void printTable(PrintStream out, List<NetworkSummary> summaries) {
        TextTable table = new TextTable("network", "opset", "nodes", "edges", "input", "GFLOPs", "params", "mem.acc",
                "ext.params", "tokens", "token sum", "static sum");
        for (NetworkSummary s : summaries) {
            table.row(Path.of(s.source()).getFileName().toString(), s.opsetVersion(), s.nodeCount(), s.edgeCount(),
                    String.join(" ", s.inputShapes().values()), String.format(java.util.Locale.ROOT, "%.3f", s.flops() / 1e9),
                    String.format(java.util.Locale.ROOT, "%,.0f", s.paramCount()), String.format(java.util.Locale.ROOT, "%,.0f", s.memoryAccess()),
                    String.format(java.util.Locale.ROOT, "%,.0f", s.extendedParamCount()),
                    s.nodeCount() + "x" + s.tokenDim() + " + " + s.staticDim(),
                    String.format(java.util.Locale.ROOT, "%.4f", s.tokenSum()), String.format(java.util.Locale.ROOT, "%.4f", s.staticSum()));
        }
        out.print(table.render());
        out.println();
        for (NetworkSummary s : summaries) {
            out.println(Path.of(s.source()).getFileName() + " ops: " + s.opHistogram().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    /** Directories become their {@code *.onnx} files (sorted); files are kept as given, even if missing. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
