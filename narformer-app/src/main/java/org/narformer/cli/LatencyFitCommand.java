package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.data.FileFingerprint;
import org.narformer.experiment.LatencyDataset;
import org.narformer.experiment.LatencyExperiment;
import org.narformer.experiment.LatencyExperimentConfig;
import org.narformer.experiment.LatencyFold;
import org.narformer.experiment.LatencyMethod;
import org.narformer.experiment.LatencyPredictor;
import org.narformer.metrics.EvaluationReport;
import org.narformer.report.ScatterPlot;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.Trainer;
import org.narformer.train.TrainingResult;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer latency fit}: trains one latency predictor on every family of a labelled set of networks. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Train a latency predictor (NAR-Former V2, NNLP or V1) on every network of a labelled set "
                + "(an NNLQP-format label file, e.g. the latency.txt of 'narformer profile'), for 'narformer latency "
                + "predict' and 'narformer serve'. The last --validation of every family selects the epoch (lowest "
                + "MAPE) and is what the fit is reported on; how well a predictor does on families it never saw is "
                + "what 'narformer experiment leave-one-family-out' measures with the same options.",
                "Writes OUT/best (the predictor), OUT/last, OUT/report.json and OUT/table.txt (validation MAPE and "
                        + "Acc@10 %% per family), OUT/scatter.png and OUT/manifest.json."})
final class LatencyFitCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ExperimentCommand.DataOptions data = new ExperimentCommand.DataOptions();

    @CommandLine.Mixin
    ExperimentCommand.TrainingOptions training = new ExperimentCommand.TrainingOptions();

    @Option(names = "--method", defaultValue = "v2", paramLabel = "v2|nnlp|v1",
            description = "The predictor (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Predictor directory (must not hold one).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        LatencyMethod m = LatencyMethod.parse(method);
        if (!m.trained()) {
            throw new BadInputException("--method", null, m.label() + " is a regression, not a network: fit v2, nnlp "
                    + "or v1");
        }
        if (Files.exists(out.resolve(Trainer.BEST)) || Files.exists(out.resolve(Trainer.LAST))) {
            throw new BadInputException(out.toString(), null, "already holds a predictor; choose another --out");
        }
        LatencyExperimentConfig config = training.config(1);
        LatencyDataset dataset = data.load(m == LatencyMethod.V1);
        LatencyFold fold = LatencyFold.allFamilies(dataset, config.validationFraction());
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("labels", FileFingerprint.of(data.labels));
        description.put("families", dataset.families());
        TrainingResult result = LatencyExperiment.fit(fold, m, config, out, description, !data.noProgress);

        List<LatencyDataset.Item> validation = fold.validation();
        double[] predicted;
        try (LatencyPredictor predictor = LatencyPredictor.load(result.bestCheckpoint())) {
            predicted = predictor.predictMs(validation.stream().map(i -> i.graph(m, config)).toList());
        }
        double[] measured = validation.stream().mapToDouble(LatencyDataset.Item::latencyMs).toArray();
        String[] families = validation.stream().map(LatencyDataset.Item::family).toArray(String[]::new);
        EvaluationReport report = EvaluationReport.of("latency_ms", predicted, measured, families);
        String table = report.toTable();
        System.out.print(table);
        ArtifactManifest.write(out.resolve("report.json"), report);
        AtomicFiles.write(out.resolve("table.txt"), table);
        ScatterPlot.write(out.resolve("scatter.png"), m.label() + " predictor: validation networks (last "
                + config.validationFraction() + " of each family)", "latency (ms)", measured, predicted, families);

        Map<String, Object> manifest = ArtifactManifest.head("latency-predictor", CommandLines.of(spec));
        manifest.put("method", m.label());
        manifest.put("config", config);
        manifest.put("training", LatencyExperiment.trainConfig(m, config));
        manifest.put("labels", FileFingerprint.of(data.labels));
        manifest.put("onnxRoot", data.root().toString());
        manifest.put("networks", Map.of("train", fold.train().size(), "validation", validation.size()));
        manifest.put("skippedNetworks", dataset.problems());
        manifest.put("bestEpoch", result.bestEpoch());
        manifest.put("predictor", result.bestCheckpoint().toString());
        manifest.put("validation", report.overall());
        manifest.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        ArtifactManifest.write(out.resolve(ArtifactManifest.FILE), manifest);
        System.out.printf(java.util.Locale.ROOT, "epoch %d selected; predictor %s (load it with 'narformer latency "
                + "predict --predictor %s')%n", result.bestEpoch(), result.bestCheckpoint(), out);
        return dataset.problems().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL_FAILURE.code();
    }
}
