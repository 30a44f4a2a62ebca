package org.narformer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import me.tongfei.progressbar.ProgressBar;
import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.data.FileFingerprint;
import org.narformer.experiment.LatencyDataset;
import org.narformer.experiment.LatencyExperiment;
import org.narformer.experiment.LatencyExperimentConfig;
import org.narformer.experiment.LatencyExperimentReport;
import org.narformer.experiment.LatencyFold;
import org.narformer.experiment.LatencyMethod;
import org.narformer.experiment.LatencyRun;
import org.narformer.experiment.LatencyRunTable;
import org.narformer.model.Checkpoints;
import org.narformer.report.ScatterPlot;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.TrainConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer experiment …}: the latency-prediction protocols, every method side by side. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Latency-prediction experiments on a labelled set of ONNX networks (an NNLQP-format label "
                + "file, e.g. the latency.txt of 'narformer profile'): V2, NNLP, FLOPs and FLOPs+MAC side by side.",
        subcommands = {ExperimentCommand.LeaveOneFamilyOut.class, ExperimentCommand.InDomain.class,
            ExperimentCommand.Merge.class, ExperimentMultiDeviceCommand.class})
final class ExperimentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The labelled networks an experiment or a predictor fit reads. */
    static final class DataOptions {
        @Option(names = "--labels", required = true, paramLabel = "FILE",
                description = "Label file: GraphID OnnxPath BatchSize Latency(ms) ModelType PlatformId Stage.")
        Path labels;

        @Option(names = "--onnx-root", paramLabel = "DIR",
                description = "Directory the label file's ONNX paths start from (default: the label file's directory).")
        Path onnxRoot;

        @Option(names = "--no-progress", description = "No progress bar while reading the networks.")
        boolean noProgress;

        /** The networks of {@code --labels}, read with a progress bar; files that cannot be read are reported. */
        LatencyDataset load(boolean withV1) {
            long rows;
            try (Stream<String> lines = Files.lines(labels)) {
                rows = lines.filter(l -> !l.isBlank()).count();
            } catch (IOException | UncheckedIOException e) {
                throw new BadInputException(labels.toString(), null, "cannot read: " + e.getMessage(), e);
            }
            LatencyDataset data;
            try (ProgressBar bar = noProgress ? null : new ProgressBar("read networks", rows)) {
                data = LatencyDataset.load(labels, root(), withV1, done -> {
                    if (bar != null) {
                        bar.stepTo(done);
                    }
                });
            }
            data.problems().forEach((file, reason) -> System.err.println("narformer: skipped " + file + ": " + reason));
            return data;
        }

        /** The directory the label file's ONNX paths start from. */
        Path root() {
            return onnxRoot != null ? onnxRoot : labels.toAbsolutePath().getParent();
        }
    }

    /** How the trained methods are trained (an experiment's or a predictor fit's). */
    static final class TrainingOptions {
        @Option(names = "--epochs", defaultValue = "50", description = "Training epochs (reference ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--hidden", defaultValue = "512", description = "Width d of V2 and NNLP (reference ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--layers", defaultValue = "2", description = "Graph layers (reference ${DEFAULT-VALUE}).")
        int layers;

        @Option(names = "--seed", defaultValue = "1234", description = "First seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--validation", defaultValue = "0.1",
                description = "Last fraction of each training family held out to select the epoch (default ${DEFAULT-VALUE}).")
        double validation;

        @Option(names = "--output-scale", defaultValue = "reference", paramLabel = "reference|train-mean",
                converter = LabelledEnumConverter.OutputScale.class,
                description = "Fixed factor on V2's and NNLP's output: 'reference' (1: the network outputs ms) or "
                        + "'train-mean' (the fold's mean training latency, so the network starts at the typical scale; "
                        + "measured worse on leave-one-family-out: networks far below the mean then dominate the "
                        + "relative loss, see docs/RESULTS.md). Default ${DEFAULT-VALUE}.")
        LatencyExperimentConfig.OutputScale outputScale;

        @Option(names = "--objective", defaultValue = "relative-mse", paramLabel = "relative-mse|log-mse",
                converter = ObjectiveConverter.class, description = ObjectiveConverter.DESCRIPTION)
        TrainConfig.Objective objective;

        @Option(names = "--v2-static", defaultValue = "reference", paramLabel = "reference|with-raw",
                converter = LabelledEnumConverter.StaticFeatures.class,
                description = "V2's static features: 'reference' (sinusoids of batch, GFLOPs, Gparams and Gmemory "
                        + "access, 40 values) or 'with-raw' (the sinusoids followed by the 4 raw values NNLP reads: "
                        + "bounded periodic codes cannot extrapolate to networks larger than the training ones; not in "
                        + "the reference). Default ${DEFAULT-VALUE}.")
        LatencyExperimentConfig.StaticFeatures v2Static;

        @Option(names = "--v1-static", defaultValue = "reference", paramLabel = "reference|with-raw",
                converter = LabelledEnumConverter.StaticFeatures.class,
                description = "V1's static features: 'reference' (nerf codes of the same 4 values, 256) or 'with-raw' "
                        + "(the codes followed by the 4 raw values, as --v2-static; not in the reference). "
                        + "Default ${DEFAULT-VALUE}.")
        LatencyExperimentConfig.StaticFeatures v1Static;

        @Option(names = "--v1-width", defaultValue = "960", paramLabel = "D",
                description = "Model width of V1 (method v1): the reference's 960, its token width (57.5M parameters, "
                        + "minutes per epoch on a CPU), or a multiple of its 6 heads below it, reached through an input "
                        + "projection 960 -> D with the FFN scaled alike (not in the reference; a CPU-size option). "
                        + "V1 keeps its 6 encoder blocks and 3 fusion stages: --hidden and --layers do not apply to "
                        + "it; it trains with its reference loss, plain MSE, unless --objective is log-mse. "
                        + "Default ${DEFAULT-VALUE}.")
        int v1Width;

        /** The configuration these options give, with {@code seeds} runs per method; bad values are bad input. */
        LatencyExperimentConfig config(int seeds) {
            try {
                return new LatencyExperimentConfig(epochs, hidden, layers, seeds, seed, validation, outputScale,
                        objective, v2Static, v1Static, v1Width);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("options", null, e.getMessage(), e);
            }
        }
    }

    /** Options every experiment takes. */
    static final class Options {
        @CommandLine.Mixin
        DataOptions data = new DataOptions();

        @CommandLine.Mixin
        TrainingOptions training = new TrainingOptions();

        @Option(names = "--methods", split = ",", defaultValue = "v2,nnlp,flops,flops-mac",
                description = "Methods, of v2, nnlp, v1, flops, flops-mac (default: ${DEFAULT-VALUE}; v1 is "
                        + "NAR-Former's whole-network variant, see --v1-width).")
        List<String> methods;

        @Option(names = "--seeds", defaultValue = "1", description = "Training runs per method and fold.")
        int seeds;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Writes report.json, table.txt, runs.csv, scatter-<method>.png, manifest.json.")
        Path out;
    }

    /** {@code --average-without}: a second average row that leaves the named folds out. */
    static final class AverageWithout {
        @Option(names = "--average-without", split = ",", paramLabel = "FAMILY",
                description = "Add an 'average without …' row over the other folds, e.g. nasbench201, whose "
                        + "errors are large enough to decide the plain average.")
        List<String> folds = List.of();

        /** Bad input (exit 3) unless every name is one of {@code foldNames} and some fold is left. */
        void check(Collection<String> foldNames) {
            try {
                LatencyExperimentReport.checkAverageWithout(foldNames, folds);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--average-without", null, e.getMessage(), e);
            }
        }
    }

    @Command(name = "leave-one-family-out", mixinStandardHelpOptions = true,
            description = {"NNLQP's unseen-structure protocol: each family in turn is the test set; the methods "
                    + "are fitted on the other families (the last --validation of each held out to select the "
                    + "epoch by MAPE: never the test family). Per family and averaged: MAPE and Acc@10 %% of the "
                    + "validation-selected model, and MAPE after the last epoch."})
    static final class LeaveOneFamilyOut implements Callable<Integer> {
        @CommandLine.Mixin
        Options options = new Options();

        @Option(names = "--families", split = ",", description = "Hold out only these families (default: all).")
        List<String> families = List.of();

        @CommandLine.Mixin
        AverageWithout averageWithout = new AverageWithout();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return execute(spec, options, "leave-one-family-out", data -> LatencyFold.leaveOneFamilyOut(data,
                    options.training.validation, families), averageWithout);
        }
    }

    @Command(name = "in-domain", mixinStandardHelpOptions = true,
            description = {"In-domain: the last --test fraction of every family is the test set, the methods are "
                    + "fitted on the rest (the last --validation of each family selects the epoch)."})
    static final class InDomain implements Callable<Integer> {
        @CommandLine.Mixin
        Options options = new Options();

        @Option(names = "--test", defaultValue = "0.1", description = "Test fraction per family (default ${DEFAULT-VALUE}).")
        double test;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return execute(spec, options, "in-domain",
                    data -> List.of(LatencyFold.inDomain(data, test, options.training.validation)), new AverageWithout());
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge the runs of several experiment outputs (e.g. the folds of one protocol split across "
                    + "machines with --families, or its seeds run one by one) into one report: report.json, "
                    + "table.txt, runs.csv, scatter plots and a manifest naming the sources. With one directory: "
                    + "its report again (e.g. with --average-without).")
    static final class Merge implements Callable<Integer> {
        @CommandLine.Parameters(arity = "1..*", paramLabel = "DIR", description = "Experiment output directories.")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path out;

        @CommandLine.Mixin
        AverageWithout averageWithout = new AverageWithout();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<LatencyRun> runs = new ArrayList<>();
            List<Object> sources = new ArrayList<>();
            String protocol = null;
            for (Path dir : inputs) {
                runs.addAll(LatencyRunTable.read(dir.resolve("runs.csv")));
                Map<?, ?> m = Checkpoints.json().readValue(
                        dir.resolve(ArtifactManifest.FILE).toFile(), Map.class);
                protocol = String.valueOf(m.get("protocol"));
                sources.add(Map.of("directory", dir.toString(), "manifest", m));
            }
            List<LatencyMethod> methods = runs.stream().map(LatencyRun::method).distinct().toList();
            averageWithout.check(runs.stream().map(LatencyRun::fold).distinct().toList());
            LatencyExperimentReport report = LatencyExperimentReport.of(runs, methods, averageWithout.folds);
            Files.createDirectories(out);
            writeOutputs(out, protocol, runs, methods, report);
            Map<String, Object> manifest = ArtifactManifest.head("latency-experiment-merge", CommandLines.of(spec));
            manifest.put("protocol", protocol);
            manifest.put("sources", sources);
            ArtifactManifest.write(out.resolve(ArtifactManifest.FILE), manifest);
            return ExitCode.OK.code();
        }
    }

    /** report.json, table.txt (also printed), runs.csv and a scatter plot per method. */
    static void writeOutputs(Path out, String protocol, List<LatencyRun> runs, List<LatencyMethod> methods,
                             LatencyExperimentReport report) throws IOException {
        String table = report.toTable();
        System.out.print(table);
        ArtifactManifest.write(out.resolve("report.json"), report);
        AtomicFiles.write(out.resolve("table.txt"), table);
        AtomicFiles.write(out.resolve("runs.csv"), LatencyRunTable.write(runs));
        for (LatencyMethod method : methods) {
            List<LatencyRun> mine = runs.stream().filter(r -> r.method() == method).toList();
            double[] measured = mine.stream().flatMapToDouble(r -> Arrays.stream(r.measured())).toArray();
            double[] predicted = mine.stream().flatMapToDouble(r -> Arrays.stream(r.predicted())).toArray();
            String[] families = mine.stream().flatMap(r -> Arrays.stream(r.families())).toArray(String[]::new);
            ScatterPlot.write(out.resolve("scatter-" + method.label() + ".png"), protocol + ": " + method.label()
                    + " (all folds and seeds)", "latency (ms)", measured, predicted, families);
        }
    }

    private static int execute(CommandLine.Model.CommandSpec spec, Options o, String protocol,
                               Function<LatencyDataset, List<LatencyFold>> split, AverageWithout averageWithout)
            throws IOException {
        long start = System.nanoTime();
        List<LatencyMethod> methods = o.methods.stream().map(LatencyMethod::parse).distinct().toList();
        LatencyExperimentConfig config = o.training.config(o.seeds);
        LatencyDataset data = o.data.load(methods.contains(LatencyMethod.V1));
        List<LatencyFold> folds = split.apply(data);
        averageWithout.check(folds.stream().map(LatencyFold::name).toList());
        Files.createDirectories(o.out);
        List<LatencyRun> runs = LatencyExperiment.run(folds, methods, config, o.out.resolve("scratch"),
                System.out::println);
        Files.deleteIfExists(o.out.resolve("scratch"));
        writeOutputs(o.out, protocol, runs, methods, LatencyExperimentReport.of(runs, methods, averageWithout.folds));
        Map<String, Object> manifest = ArtifactManifest.head("latency-experiment", CommandLines.of(spec));
        manifest.put("protocol", protocol);
        manifest.put("config", config);
        manifest.put("methods", methods.stream().map(LatencyMethod::label).toList());
        Map<String, Object> training = new LinkedHashMap<>();
        methods.stream().filter(LatencyMethod::trained)
                .forEach(m -> training.put(m.label(), LatencyExperiment.trainConfig(m, config)));
        manifest.put("training", training);
        manifest.put("labels", FileFingerprint.of(o.data.labels));
        manifest.put("onnxRoot", o.data.root().toString());
        manifest.put("networks", data.items().size());
        manifest.put("skippedNetworks", data.problems());
        Map<String, Object> foldSizes = new LinkedHashMap<>();
        for (LatencyFold f : folds) {
            foldSizes.put(f.name(), Map.of("train", f.train().size(), "validation", f.validation().size(),
                    "test", f.test().size()));
        }
        manifest.put("folds", foldSizes);
        manifest.put("selection", "epoch with the lowest MAPE on the validation networks (never the test set)");
        manifest.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        ArtifactManifest.write(o.out.resolve(ArtifactManifest.FILE), manifest);
        System.out.println("report " + o.out.resolve("report.json") + ", manifest " + o.out.resolve("manifest.json"));
        return data.problems().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL_FAILURE.code();
    }
}
