package org.narformer.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.metrics.EvaluationReport;
import org.narformer.metrics.KendallTau;
import org.narformer.data.DataDirectory;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * The NAS-Bench accuracy protocol of NAR-Former V2 (REFERENCE.md §2.3) as library calls: {@link #train} on the
 * first N cells with selection on the next ones, {@link #evaluate} a checkpoint by Kendall τ over every cell.
 *
 * <p>A run directory holds {@code best/} and {@code last/} (the engine's checkpoints; their manifests carry the
 * protocol configuration under {@code data.protocol}) and {@code manifest.json}: the configuration, the data
 * (file, SHA-256, split), the command line, the τ-vs-epoch curve and the timings. The run manifest is rewritten
 * at every τ-on-all evaluation, so a long run can be watched.
 */
public final class NasBenchProtocol {
    /** Key of the protocol configuration in a checkpoint manifest's {@code data}. */
    public static final String PROTOCOL_KEY = "protocol";

    private NasBenchProtocol() {
    }

    /**
     * Trains a V2 model by the protocol into {@code runDirectory}.
     *
     * @param command the command line, for the manifest (may be empty)
     */
    public static NasBenchRun train(NasBenchConfig config, DataDirectory dataDirectory, Path runDirectory,
                                    List<String> command) {
        long start = System.nanoTime();
        NasBenchCells cells = NasBenchCells.load(config, dataDirectory);
        TrainConfig training = config.training();
        List<TrainingSample> train = cells.train(training.usesAugmentation());
        List<TrainingSample> selection = config.selectOn() == NasBenchConfig.Selection.VALIDATION
                ? cells.validation() : cells.test();
        Map<String, Object> data = new LinkedHashMap<>(cells.describe());
        data.put(PROTOCOL_KEY, config.toMap());
        List<TokenizedGraph> all = cells.graphs();
        double[] truth = cells.testTargets();

        List<TauPoint> curve = new ArrayList<>();
        double untrained;
        try (V2Model model = V2Model.create(config.model(), V2Trainer.derivedSeed(config.seed(), 0, 1))) {
            untrained = KendallTau.tauB(toDouble(model.predict(all, config.evalBatchSize())), truth);
        }
        curve.add(new TauPoint(0, 0, Double.NaN, Double.NaN, untrained, seconds(start)));
        Map<String, Object> manifest = ArtifactManifest.head("nasbench-run", command);
        manifest.put("protocol", config.toMap());
        manifest.put("data", cells.describe());
        manifest.put("seeds", Map.of("master", config.seed()));
        manifest.put("curve", curve);
        Path manifestFile = runDirectory.resolve(ArtifactManifest.FILE);
        ArtifactManifest.write(manifestFile, manifest);

        long[] steps = {0};
        double[] trainingSeconds = {0};
        TrainingResult result = new V2Trainer(config.model(), training).withListener(report -> {
            steps[0] += report.steps();
            trainingSeconds[0] += report.seconds();
            boolean scoreAll = report.epoch() == config.epochs()
                    || config.allEvery() > 0 && report.epoch() % config.allEvery() == 0;
            double allTau = scoreAll ? tauOf(runDirectory.resolve(V2Trainer.LAST), all, truth, config) : Double.NaN;
            curve.add(new TauPoint(report.epoch(), steps[0], report.meanLoss(),
                    report.evaluation() == null ? Double.NaN : report.evaluation().kendallTau(), allTau,
                    seconds(start)));
            if (scoreAll) {
                manifest.put("progress", timing(steps[0], trainingSeconds[0], start));
                ArtifactManifest.write(manifestFile, manifest);
            }
        }).train(train, selection, runDirectory, data);

        double bestAllTau = result.bestEpoch() > 0
                ? tauOf(result.bestCheckpoint(), all, truth, config) : Double.NaN;
        double perIteration = steps[0] == 0 ? Double.NaN : trainingSeconds[0] / steps[0];
        NasBenchRun run = new NasBenchRun(runDirectory, config, curve, result.bestEpoch(), result.bestScore(),
                bestAllTau, result.bestCheckpoint(), seconds(start), perIteration);
        Map<String, Object> outcome = new LinkedHashMap<>(timing(steps[0], trainingSeconds[0], start));
        outcome.put("bestEpoch", run.bestEpoch());
        outcome.put("bestSelectionTau", run.bestSelectionTau());
        outcome.put("bestAllTau", run.bestAllTau());
        outcome.put("selectedOn", config.selectOn() == NasBenchConfig.Selection.VALIDATION
                ? "validation cells (training label): the reference rule"
                : "all cells against the test label: selection on the test set, optimistic");
        outcome.put("bestCheckpoint", String.valueOf(result.bestCheckpoint()));
        outcome.put("lastCheckpoint", result.lastCheckpoint().toString());
        manifest.remove("progress");
        manifest.put("result", outcome);
        ArtifactManifest.write(manifestFile, manifest);
        return run;
    }

    /** Evaluates a checkpoint (or a run directory's selected one) on every cell of its space. */
    public static NasBenchEvaluation evaluate(Path checkpoint, DataDirectory dataDirectory, boolean progress) {
        long start = System.nanoTime();
        try (NasBenchModel model = NasBenchModel.open(checkpoint)) {
            NasBenchCells cells = NasBenchCells.load(model.config(), dataDirectory);
            double[] predicted = toDouble(model.predict(cells.graphs(), progress));
            double[] measured = cells.testTargets();
            String[] groups = cells.groups();
            EvaluationReport report = EvaluationReport.of(model.space().testLabel(), predicted, measured, groups);
            return new NasBenchEvaluation(model.checkpoint(), model.config(), cells.describe(), report, predicted,
                    measured, groups, seconds(start));
        }
    }

    /**
     * Writes {@code report.json} and {@code manifest.json} (checkpoint, its manifest's epoch and metrics,
     * configuration, data, command, time) into {@code out}.
     */
    public static void write(NasBenchEvaluation evaluation, Path out, List<String> command) {
        ArtifactManifest.write(out.resolve("report.json"), evaluation.report());
        Map<String, Object> manifest = ArtifactManifest.head("nasbench-evaluation", command);
        manifest.put("checkpoint", evaluation.checkpoint().toAbsolutePath().toString());
        manifest.put("protocol", evaluation.config().toMap());
        manifest.put("data", evaluation.data());
        manifest.put("testSet", "all " + evaluation.predicted().length + " cells (training and validation cells "
                + "included, as the reference); label " + evaluation.config().space().testLabelNote());
        manifest.put("kendallTau", evaluation.report().overall().kendallTau());
        manifest.put("seconds", evaluation.seconds());
        ArtifactManifest.write(out.resolve(ArtifactManifest.FILE), manifest);
    }

    private static double tauOf(Path checkpoint, List<TokenizedGraph> all, double[] truth, NasBenchConfig config) {
        try (Predictor predictor = Predictor.load(checkpoint)) {
            // no bar of its own: it would cut through the training bar
            return KendallTau.tauB(toDouble(NasBenchModel.score(predictor, all, config.evalBatchSize(), false)),
                    truth);
        }
    }

    private static Map<String, Object> timing(long steps, double trainingSeconds, long start) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("steps", steps);
        t.put("trainingSeconds", trainingSeconds);
        t.put("secondsPerIteration", steps == 0 ? Double.NaN : trainingSeconds / steps);
        t.put("wallSeconds", seconds(start));
        return t;
    }

    static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
