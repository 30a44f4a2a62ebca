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
import java.util.function.Function;

import me.tongfei.progressbar.ProgressBar;
import org.narformer.AtomicFiles;
import org.narformer.cells.CellSpace;
import org.narformer.data.DataDirectory;
import org.narformer.data.DataFile;
import org.narformer.data.Dataset;
import org.narformer.data.FileFingerprint;
import org.narformer.data.GraphSource;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.experiment.DeviceLatencies;
import org.narformer.experiment.DeviceRun;
import org.narformer.experiment.MultiDeviceConfig;
import org.narformer.experiment.MultiDeviceExperiment;
import org.narformer.experiment.MultiDeviceReport;
import org.narformer.model.V2Config;
import org.narformer.report.ScatterPlot;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V2CellTokenizer;
import org.narformer.tokenizer.WholeNetworkTokenizer;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.TrainConfig;
import org.narformer.zoo.FbnetNetwork;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer experiment multi-device}: per-device, multi-head and few-shot latency prediction on HELP tables. */
@Command(name = "multi-device", mixinStandardHelpOptions = true,
        description = {"Latency across devices on a HELP table (NAS-Bench-201: 15,625 cells x 27 device settings; "
                + "FBNet: 5,000 networks x 27). The networks are shuffled once: --train-networks pre-train, "
                + "--validation-networks select the epoch, the rest are the test set of every device.",
            "Source devices: one NAR-Former V2 model per device, and one multi-head model (one output per device).",
            "Target devices (unseen in pre-training): for each k in --shots and each seed, k labelled networks: "
                + "'scratch' (a new model on the k), 'nearest-device' (the head of the source device that ranks the "
                + "k best, rescaled to their labels, no training) and 'transfer' (the multi-head model's "
                + "representation with that rescaled head, fine-tuned on the k). MAPE, Acc@10 %% and Spearman rho "
                + "on the test set.",
            "Defaults: HELP's device split and its 900 pre-training networks; NB201 cells as V2 cell tokens, FBNet "
                + "networks as whole-network tokens (built from their 22 layer codes)."})
final class ExperimentMultiDeviceCommand implements Callable<Integer> {
    @Option(names = "--space", defaultValue = "nb201", paramLabel = "nb201|fbnet",
            description = "HELP table: nb201 (latency/help_nb201_latency.csv) or fbnet (default ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: NARFORMER_DATA or ../shared/data).")
    Path data;

    @Option(names = "--sources", split = ",", paramLabel = "DEVICE",
            description = "Pre-training devices (default: HELP's meta-training devices of the space).")
    List<String> sources;

    @Option(names = "--targets", split = ",", paramLabel = "DEVICE",
            description = "Few-shot devices, unseen in pre-training (default: HELP's meta-test devices; '' for none).")
    List<String> targets;

    @Option(names = "--shots", split = ",", defaultValue = "10,20,50,100",
            description = "Few-shot sizes k (default ${DEFAULT-VALUE}).")
    List<Integer> shots;

    @Option(names = "--seeds", defaultValue = "3", description = "Few-shot draws per device and k (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = "1234", description = "Split seed and first seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--connected-only",
            description = "NB201: leave out the 341 cells whose output no non-'none' path reaches (they compute zeros; "
                    + "pixel3 and raspi4 run them in ~0.01 ms, which dominates relative errors). Decided from the "
                    + "architecture, before any label is read. Default: every cell.")
    boolean connectedOnly;

    @Option(names = "--networks", paramLabel = "N",
            description = "Use only the first N networks of the table (quick runs; default: all).")
    Integer networks;

    @Option(names = "--train-networks", defaultValue = "900", description = "Pre-training networks (HELP: ${DEFAULT-VALUE}).")
    int trainNetworks;

    @Option(names = "--validation-networks", defaultValue = "100",
            description = "Networks that select the pre-training epoch (default ${DEFAULT-VALUE}).")
    int validationNetworks;

    @Option(names = "--epochs", defaultValue = "50", description = "Pre-training epochs (NNLQP recipe: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--hidden", defaultValue = "128", description = "Width d (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", description = "Graph layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--few-shot-steps", defaultValue = "200",
            description = "Optimiser steps of every few-shot fit (default ${DEFAULT-VALUE}).")
    int fewShotSteps;

    @Option(names = "--fine-tune-lr", defaultValue = "1e-4",
            description = "Peak learning rate of the transfer fits (scratch fits use 1e-3; default ${DEFAULT-VALUE}).")
    float fineTuneRate;

    @Option(names = "--objective", defaultValue = "relative-mse", paramLabel = "relative-mse|log-mse",
            converter = ObjectiveConverter.class, description = ObjectiveConverter.DESCRIPTION)
    TrainConfig.Objective objective;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Writes report.json, table.txt, runs.csv, scatter-*.png, manifest.json.")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar while reading the networks.")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        boolean fbnet = switch (space) {
            case "nb201" -> false;
            case "fbnet" -> true;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--space must be nb201 or fbnet, not '" + space + "'");
        };
        MultiDeviceConfig config = new MultiDeviceConfig(epochs, hidden, layers, trainNetworks, validationNetworks,
                sources != null ? sources
                        : fbnet ? MultiDeviceConfig.HELP_FBNET_SOURCES : MultiDeviceConfig.HELP_NB201_SOURCES,
                targets != null ? targets.stream().filter(t -> !t.isBlank()).toList()
                        : fbnet ? MultiDeviceConfig.HELP_FBNET_TARGETS : MultiDeviceConfig.HELP_NB201_TARGETS,
                shots, seeds, seed, fewShotSteps, fineTuneRate);
        DataDirectory dir = DataDirectory.resolve(data);
        DataFile file = fbnet ? DataFile.HELP_FBNET : DataFile.HELP_NB201;
        Dataset table = file.read(dir, ReadPolicy.STRICT);
        int disconnected = 0;
        if (connectedOnly) {
            if (fbnet) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--connected-only applies to nb201 cells");
            }
            List<Sample> connected = table.samples().stream()
                    .filter(s -> ((GraphSource.Nb201) s.source()).cell().outputConnected()).toList();
            disconnected = table.size() - connected.size();
            table = new Dataset(table.file(), connected, table.problems());
        }
        if (networks != null) {
            if (networks < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--networks must be positive");
            }
            table = new Dataset(table.file(), table.samples().subList(0, Math.min(networks, table.size())),
                    table.problems());
        }
        DeviceLatencies latencies;
        try (ProgressBar bar = noProgress ? null : new ProgressBar("tokenize " + space, table.size())) {
            latencies = DeviceLatencies.of(table, fbnet ? fbnetTokens() : nb201Tokens(), done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
        V2Config model = (fbnet ? V2Config.nnlqp() : V2Config.nasBench()).withSize(layers, hidden);
        TrainConfig training = TrainConfig.nnlqp().withObjective(objective);
        Files.createDirectories(out);
        MultiDeviceExperiment.Result result = MultiDeviceExperiment.run(latencies, model, training, config,
                out.resolve("scratch"), System.out::println);
        Files.deleteIfExists(out.resolve("scratch"));
        MultiDeviceReport report = MultiDeviceReport.of(result.runs());
        String text = report.toTable();
        System.out.print(text);
        ArtifactManifest.write(out.resolve("report.json"), report);
        AtomicFiles.write(out.resolve("table.txt"), text);
        AtomicFiles.write(out.resolve("runs.csv"), runsCsv(result.runs()));
        writePlots(latencies, result, config);
        Map<String, Object> manifest = ArtifactManifest.head("multi-device-experiment", CommandLines.of(spec));
        manifest.put("table", FileFingerprint.of(file.in(dir)));
        manifest.put("networks", latencies.ids().size());
        manifest.put("leftOutDisconnectedCells", disconnected);
        manifest.put("config", config);
        manifest.put("model", model);
        manifest.put("tokens", fbnet ? "whole-network V2 tokens (152-d + 40 static) of the FBNet network built from "
                + "its 22 layer codes, batch 1" : "V2 NAS-Bench-201 cell tokens (128-d)");
        manifest.put("training", Map.of("pretraining", training.withEpochs(epochs),
                "selection", "pre-training: lowest validation MAPE (mean over devices for the multi-head model); "
                        + "few-shot: last epoch (no labels beyond the k)"));
        manifest.put("split", Map.of("train", result.train().length, "validation", result.validation().length,
                "test", result.test().length));
        manifest.put("wallSeconds", (System.nanoTime() - start) / 1e9);
        ArtifactManifest.write(out.resolve(ArtifactManifest.FILE), manifest);
        System.out.println("report " + out.resolve("report.json") + ", manifest " + out.resolve("manifest.json"));
        return ExitCode.OK.code();
    }

    private static Function<Sample, TokenizedGraph> nb201Tokens() {
        V2CellTokenizer tokenizer = V2CellTokenizer.of(CellSpace.NB201);
        return s -> tokenizer.tokenize(((GraphSource.Nb201) s.source()).cell().toGraph());
    }

    private static Function<Sample, TokenizedGraph> fbnetTokens() {
        WholeNetworkTokenizer tokenizer = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults());
        return s -> tokenizer.tokenize(FbnetNetwork.build(((GraphSource.Fbnet) s.source()).code()).model().toGraph());
    }

    /** One row per scored predictor. */
    static String runsCsv(List<DeviceRun> runs) {
        StringBuilder sb = new StringBuilder("device,method,shots,seed,source_device,selected_epoch,fit_seconds,"
                + "test_count,mape,rmse,acc1,acc5,acc10,kendall_tau,spearman_rho\n");
        for (DeviceRun r : runs) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%d,%.3f,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n",
                    r.device(), r.method(), r.shots(), r.seed(), r.sourceDevice() == null ? "" : r.sourceDevice(),
                    r.selectedEpoch(), r.seconds(), r.test().count(), r.test().mape(), r.test().rmse(),
                    r.test().acc1(), r.test().acc5(), r.test().acc10(), r.test().kendallTau(),
                    r.test().spearmanRho()));
        }
        return sb.toString();
    }

    /** scatter-multi-head.png (every source device) and, at the largest k, one plot per few-shot method (first seed). */
    private void writePlots(DeviceLatencies latencies, MultiDeviceExperiment.Result result, MultiDeviceConfig config)
            throws IOException {
        int k = config.shots().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, List<DeviceRun>> plots = new LinkedHashMap<>();
        for (DeviceRun r : result.runs()) {
            if (r.method().equals(MultiDeviceExperiment.MULTI_HEAD)) {
                plots.computeIfAbsent("multi-head", x -> new ArrayList<>()).add(r);
            } else if (r.shots() == k && r.seed() == config.seed()
                    && MultiDeviceReport.FEW_SHOT_METHODS.contains(r.method())) {
                plots.computeIfAbsent(r.method() + "-k" + k, x -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<DeviceRun>> plot : plots.entrySet()) {
            List<DeviceRun> runs = plot.getValue();
            int n = runs.stream().mapToInt(r -> r.predicted().length).sum();
            double[] measured = new double[n];
            double[] predicted = new double[n];
            String[] groups = new String[n];
            int i = 0;
            for (DeviceRun r : runs) {
                double[] y = latencies.column(latencies.device(r.device()), result.test());
                for (int j = 0; j < y.length; j++, i++) {
                    measured[i] = y[j];
                    predicted[i] = r.predicted()[j];
                    groups[i] = r.device();
                }
            }
            ScatterPlot.write(out.resolve("scatter-" + plot.getKey() + ".png"), space + " " + plot.getKey()
                    + " (test networks)", "latency (ms)", measured, predicted, groups);
        }
    }
}
