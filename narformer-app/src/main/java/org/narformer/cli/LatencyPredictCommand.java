package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.narformer.BadInputException;
import org.narformer.TextTable;
import org.narformer.experiment.LatencyPredictor;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImportConfig;
import org.narformer.onnx.OnnxImporter;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;
import org.narformer.report.Csv;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.train.NasBenchModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narformer latency predict FILE…}: predicted latency of ONNX networks with a trained predictor. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the latency (ms) of ONNX networks without running them, with a latency predictor: "
                + "the one that ships in predictors/ (default), or one of 'narformer latency fit'.",
                "Prints a table (or CSV / JSON) with one row per network. Bad files are reported (file and node) and "
                        + "skipped; the exit code is then 3 (all bad) or 5 (some)."})
final class LatencyPredictCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "ONNX files or directories (default: the example networks in examples/).")
    List<Path> files = List.of();

    @Option(names = "--predictor", paramLabel = "DIR",
            description = "A predictor directory of 'narformer latency fit' (its best/ is used) or a checkpoint "
                    + "directory (default: " + ProjectPaths.DEFAULT_PREDICTOR + ", shipped in predictors/).")
    Path predictor;

    @Option(names = "--batch-size", defaultValue = "1", description = "Batch size the networks run at (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One predicted network. */
    record Prediction(String file, int nodes, double gflops, double latencyMs) {
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new BadInputException("--format", "'" + format + "'", "use table, csv or json");
        }
        if (batchSize < 1) {
            throw new BadInputException("--batch-size", null, "must be at least 1, not " + batchSize);
        }
        Path dir = NasBenchModel.resolve(predictor != null ? predictor : ProjectPaths.predictors().resolve(ProjectPaths.DEFAULT_PREDICTOR));
        NarFormerCli cli = (NarFormerCli) spec.root().userObject();
        List<Prediction> rows = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try (LatencyPredictor model = LatencyPredictor.load(dir)) {
            List<Path> inputs = InspectCommand.expand(files.isEmpty() ? List.of(ProjectPaths.examples()) : files);
            List<Path> read = new ArrayList<>();
            List<NetworkGraph> graphs = new ArrayList<>();
            List<TokenizedGraph> tokens = new ArrayList<>();
            for (Path file : inputs) {
                try {
                    NetworkGraph graph = OnnxImporter.read(file, OnnxImportConfig.defaults().withBatchSize(batchSize));
                    tokens.add(model.tokenize(graph, batchSize));
                    graphs.add(graph);
                    read.add(file);
                } catch (BadInputException e) {
                    errors.put(file.toString(), e.getMessage());
                    cli.report(e);
                }
            }
            double[] ms = model.predictMs(tokens);
            for (int i = 0; i < ms.length; i++) {
                rows.add(new Prediction(read.get(i).toString(), graphs.get(i).nodeCount(),
                        StaticFeatures.of(graphs.get(i), StaticFeatureMode.REFERENCE).flops() / 1e9, ms[i]));
            }
        }
        print(rows, errors, dir);
        if (errors.isEmpty()) {
            return ExitCode.OK.code();
        }
        return (rows.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE).code();
    }

    private void print(List<Prediction> rows, Map<String, String> errors, Path dir) throws IOException {
        switch (format) {
            case "json" -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("predictor", dir.toString());
                doc.put("batchSize", batchSize);
                doc.put("networks", rows);
                doc.put("errors", errors);
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            }
            case "csv" -> {
                System.out.println("file,nodes,gflops,predicted_latency_ms");
                for (Prediction p : rows) {
                    System.out.printf(Locale.ROOT, "%s,%d,%.6f,%.6f%n", Csv.field(p.file()), p.nodes(), p.gflops(),
                            p.latencyMs());
                }
            }
            default -> {
                TextTable table = new TextTable("network", "nodes", "GFLOPs", "predicted ms");
                for (Prediction p : rows) {
                    table.row(Path.of(p.file()).getFileName().toString(), p.nodes(),
                            String.format(Locale.ROOT, "%.3f", p.gflops()), String.format(Locale.ROOT, "%.3f", p.latencyMs()));
                }
                System.out.print(table.render());
                System.out.println("predictor " + dir + ", batch size " + batchSize);
            }
        }
    }
}
