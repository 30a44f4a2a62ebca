package org.narformer.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;
import org.narformer.data.DataDirectory;
import org.narformer.metrics.EvaluationReport;
import org.narformer.metrics.KendallTau;
import org.narformer.model.CheckpointRecord;
import org.narformer.model.Checkpoints;
import org.narformer.model.GraphModel;
import org.narformer.model.ModelFamily;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * The NAS-Bench accuracy protocol of NAR-Former V2 (REFERENCE.md §2.3) as library calls: {@link #train} on the
 * first N cells with selection on the next ones, {@link #evaluate} a checkpoint by Kendall τ over every cell.
 *
 * <p>A run directory holds {@code best/} and {@code last/} (and, with a weight EMA, {@code best-ema/} and
 * {@code last-ema/}: the engine's checkpoints; their manifests carry the
 * protocol configuration under {@code data.protocol}) and {@code manifest.json}: the configuration, the data
 * (file, SHA-256, split), the command line, the τ-vs-epoch curve and the timings. The run manifest is rewritten
 * after every epoch, so a long run can be watched and a resumed run keeps its whole curve.
 */
public final class NasBenchProtocol {
    /** Key of the protocol configuration in a checkpoint manifest's {@code data}. */
    public static final String PROTOCOL_KEY = "protocol";

    private NasBenchProtocol() {
    }

    /**
     * Trains a model of the configured family (V2, or V1 with its weight EMA) by the protocol into
     * {@code runDirectory}.
     *
     * @param command the command line, for the manifest (may be empty)
     */
    public static NasBenchRun train(NasBenchConfig config, DataDirectory dataDirectory, Path runDirectory,
                                    List<String> command) {
        long start = System.nanoTime();
        NasBenchCells cells = NasBenchCells.load(config, dataDirectory);
        List<TauPoint> curve = new ArrayList<>();
        double untrained;
        try (GraphModel<?> model = config.family().create(Trainer.derivedSeed(config.seed(), 0, 1))) {
            untrained = KendallTau.tauB(toDouble(model.predict(cells.graphs(), config.evalBatchSize())),
                    cells.testTargets());
        }
        curve.add(new TauPoint(0, 0, Double.NaN, Double.NaN, untrained, seconds(start)));
        Map<String, Object> manifest = ArtifactManifest.head(NasBenchRunManifest.KIND, command);
        manifest.put("family", config.family().name());
        manifest.put("protocol", config.toMap());
        manifest.put("data", cells.describe());
        manifest.put("seeds", Map.of("master", config.seed()));
        manifest.put("curve", curve);
        ArtifactManifest.write(runDirectory.resolve(ArtifactManifest.FILE), manifest);
        return run(config, cells, runDirectory, manifest, curve, start, RunProgress.NONE,
                (train, selection, data, listener) -> Trainer.of(config.family(), config.training())
                        .withListener(listener).train(train, selection, runDirectory, data));
    }

    /**
     * Continues an interrupted run from {@code runDirectory/last} to its configured number of epochs, exactly as
     * the uninterrupted run would have gone on (the seeds are derived per epoch); the manifest's curve goes on
     * and {@code resumes} records each continuation.
     *
     * @throws BadInputException when the directory holds no run, or a run that already finished
     */
    public static NasBenchRun resume(Path runDirectory, DataDirectory dataDirectory, List<String> command) {
        long start = System.nanoTime();
        Path last = runDirectory.resolve(Trainer.LAST);
        if (!NasBenchRunManifest.isRunDirectory(runDirectory)) {
            throw new BadInputException(runDirectory.toString(), null,
                    "not a training run (needs manifest.json and last/)");
        }
        NasBenchRunManifest read = NasBenchRunManifest.read(runDirectory);
        if (read.result() != null) {
            throw new BadInputException(read.file().toString(), "result", "this run has already finished");
        }
        NasBenchConfig config = read.config();
        Map<String, Object> manifest = new LinkedHashMap<>(read.content());
        CheckpointRecord lastRecord = ModelFamily.of(last).record(last);
        int doneEpochs = lastRecord.epoch();
        List<TauPoint> curve = new ArrayList<>(read.curve().stream().filter(p -> p.epoch() <= doneEpochs).toList());
        double elapsedBefore = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).elapsedSeconds();
        List<Object> resumes = new ArrayList<>((List<?>) manifest.getOrDefault("resumes", List.of()));
        resumes.add(Map.of("atEpoch", doneEpochs, "command", command == null ? List.of() : command,
                "gitSha", ArtifactManifest.gitSha(), "createdAt", Instant.now().toString()));
        manifest.put("resumes", resumes);
        manifest.put("curve", curve);
        NasBenchCells cells = NasBenchCells.load(config, dataDirectory);
        RunProgress before = read.progress() == null ? RunProgress.NONE : read.progress();
        return run(config, cells, runDirectory, manifest, curve, start - (long) (elapsedBefore * 1e9),
                new RunProgress(lastRecord.step(), before.skippedSteps(), before.trainingSeconds(),
                        before.timedSteps(), elapsedBefore),
                (train, selection, data, listener) -> Trainer.resume(last, train, selection, data, listener));
    }

    /** Starts or continues the training of a run (fresh or from {@code last}). */
    private interface Launch {
        TrainingResult start(List<TrainingSample> train, List<TrainingSample> selection, Map<String, Object> data,
                             EpochListener listener);
    }

    private static NasBenchRun run(NasBenchConfig config, NasBenchCells cells, Path runDirectory,
                                   Map<String, Object> manifest, List<TauPoint> curve, long start,
                                   RunProgress before, Launch launch) {
        TrainConfig training = config.training();
        List<TrainingSample> train = cells.train(training.usesAugmentation());
        List<TrainingSample> selection = config.selectOn() == NasBenchConfig.Selection.VALIDATION
                ? cells.validation() : cells.test();
        Map<String, Object> data = new LinkedHashMap<>(cells.describe());
        data.put(PROTOCOL_KEY, config.toMap());
        List<TokenizedGraph> all = cells.graphs();
        double[] truth = cells.testTargets();
        Path manifestFile = runDirectory.resolve(ArtifactManifest.FILE);

        RunProgress[] progress = {before};
        TrainingResult result = launch.start(train, selection, data,
                (report, model, ema) -> {
                    progress[0] = progress[0].plus(report.steps(), report.skippedSteps(), report.seconds(),
                            seconds(start));
                    boolean scoreAll = report.epoch() == config.epochs()
                            || config.allEvery() > 0 && report.epoch() % config.allEvery() == 0;
                    double allTau = scoreAll ? tauOf(model::predict, all, truth, config) : Double.NaN;
                    double emaAllTau = scoreAll && ema != null ? tauOf(ema::predict, all, truth, config)
                            : Double.NaN;
                    curve.add(new TauPoint(report.epoch(), progress[0].steps(), report.meanLoss(),
                            report.evaluation() == null ? Double.NaN : report.evaluation().kendallTau(), allTau,
                            seconds(start), report.emaEvaluation() == null ? Double.NaN
                            : report.emaEvaluation().kendallTau(), emaAllTau));
                    manifest.put("progress", progress[0].toMap());
                    ArtifactManifest.write(manifestFile, manifest);
                });

        double bestAllTau = result.bestEpoch() > 0
                ? tauOf(result.bestCheckpoint(), all, truth, config) : Double.NaN;
        double bestEmaAllTau = result.bestEmaCheckpoint() != null
                ? tauOf(result.bestEmaCheckpoint(), all, truth, config) : Double.NaN;
        RunProgress done = progress[0];
        NasBenchRunResult outcome = new NasBenchRunResult(
                new RunProgress(done.steps(), done.skippedSteps(), done.trainingSeconds(), done.timedSteps(),
                        seconds(start)), result.bestEpoch(),
                result.bestScore(), bestAllTau, result.bestCheckpoint(), result.lastCheckpoint(),
                config.selectOn() == NasBenchConfig.Selection.VALIDATION
                        ? "validation cells (training label): the reference rule"
                        : "all cells against the test label: selection on the test set, optimistic",
                result.bestEmaCheckpoint() != null ? result.bestEmaEpoch() : 0,
                result.bestEmaCheckpoint() != null ? result.bestEmaScore() : Double.NaN, bestEmaAllTau,
                result.bestEmaCheckpoint());
        manifest.remove("progress");
        manifest.put("result", outcome.toMap());
        ArtifactManifest.write(manifestFile, manifest);
        return new NasBenchRun(runDirectory, config, curve, outcome);
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
            return tauOf(predictor::predict, all, truth, config);
        }
    }

    private static double tauOf(NasBenchModel.Scorer scorer, List<TokenizedGraph> all, double[] truth,
                                NasBenchConfig config) {
        // no bar of its own: it would cut through the training bar
        return KendallTau.tauB(toDouble(NasBenchModel.score(scorer, all, config.evalBatchSize(), false)), truth);
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
