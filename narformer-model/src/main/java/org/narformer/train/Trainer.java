package org.narformer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.narformer.BadInputException;
import org.narformer.metrics.Metrics;
import org.narformer.model.BatchPlanner;
import org.narformer.model.CheckpointRecord;
import org.narformer.model.Checkpoints;
import org.narformer.model.DropoutMask;
import org.narformer.model.GraphModel;
import org.narformer.model.ModelFamily;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Trains a model of any {@link ModelFamily} as the reference codes do: {@link TrainingLoss} (V2's relative MSE or
 * V1's MSE, + SR and consistency terms), Adam or AdamW, linear warm-up then linear decay (or a constant rate)
 * stepped per iteration, an optional weight EMA (V1), an evaluation after every {@code evalEvery} epochs, and the
 * best checkpoint by the selection metric (REFERENCE.md §4.4, §6.3).
 *
 * <p>Writes {@code runDir/best} (parameters of the selected epoch) and {@code runDir/last} (parameters and
 * optimiser state after the last epoch, for {@link #resume}); with an EMA also {@code best-ema} (the EMA selected
 * by the same metric) and {@code last-ema}. Randomness is derived from the master seed per purpose and per epoch,
 * so a run resumed from {@code last} continues exactly as the uninterrupted run would.
 *
 * @param <M> the model type
 */
public final class Trainer<M extends GraphModel<?>> {
    public static final String BEST = "best";
    public static final String LAST = "last";
    /** The weight EMA selected by the metric ({@code model_best_ema} of the V1 reference). */
    public static final String BEST_EMA = "best-ema";
    /** The weight EMA after the last epoch (resumes the average). */
    public static final String LAST_EMA = "last-ema";

    private final ModelFamily<M> family;
    private final TrainConfig config;
    private final EpochListener listener;

    public Trainer(ModelFamily<M> family, TrainConfig config) {
        this(family, config, (report, model, ema) -> { });
    }

    /** A trainer for {@code family} (whatever its model type). */
    public static <M extends GraphModel<?>> Trainer<M> of(ModelFamily<M> family, TrainConfig config) {
        return new Trainer<>(family, config);
    }

    private Trainer(ModelFamily<M> family, TrainConfig config, EpochListener listener) {
        this.family = family;
        this.config = config;
        this.listener = listener;
    }

    /** A trainer that also calls {@code listener} after every epoch, once its checkpoints are written. */
    public Trainer<M> withListener(EpochListener newListener) {
        return new Trainer<>(family, config, newListener);
    }

    /**
     * Trains a fresh model.
     *
     * @param train      training samples (with augmented twins when the consistency loss is on)
     * @param evaluation the selection set ({@link TrainConfig#selectionSet()} says what it is)
     * @param runDir     output directory for the checkpoints
     * @param data       description of the data for the manifests (files, hashes, split)
     */
    public TrainingResult train(List<TrainingSample> train, List<TrainingSample> evaluation, Path runDir,
                                Map<String, Object> data) {
        try (M model = family.create(derivedSeed(config.seed(), 0, 1))) {
            return start(model, train, evaluation, runDir, data);
        }
    }

    /**
     * Fine-tunes a copy of {@code initial} (a model of this trainer's family, e.g. a pre-trained representation with
     * a new head, {@code V2Model#withHeads}): its weights, a fresh optimiser and schedule; otherwise as
     * {@link #train}. {@code initial} is left unchanged.
     */
    public TrainingResult fineTune(M initial, List<TrainingSample> train, List<TrainingSample> evaluation,
                                   Path runDir, Map<String, Object> data) {
        try (M model = family.copy(initial)) {
            return start(model, train, evaluation, runDir, data);
        }
    }

    private TrainingResult start(M model, List<TrainingSample> train, List<TrainingSample> evaluation, Path runDir,
                                 Map<String, Object> data) {
        try (ModelEma<M> ema = config.emaDecay() > 0 ? new ModelEma<>(family, model, config.emaDecay()) : null) {
            validate(model, train, evaluation);
            return run(model, ema, new AdamOptimizer(model, config), new Selection(0, Double.NaN),
                    new Selection(0, Double.NaN), 0, train, evaluation, runDir, data);
        }
    }

    /**
     * Continues a run from its {@code last} checkpoint (of any family), with the same data, to the configured
     * number of epochs. Checkpoints go to the same run directory.
     */
    public static TrainingResult resume(Path lastCheckpoint, List<TrainingSample> train,
                                        List<TrainingSample> evaluation, Map<String, Object> data) {
        return resume(lastCheckpoint, train, evaluation, data, (report, model, ema) -> { });
    }

    /** {@link #resume(Path, List, List, Map)} with an epoch listener. */
    public static TrainingResult resume(Path lastCheckpoint, List<TrainingSample> train,
                                        List<TrainingSample> evaluation, Map<String, Object> data,
                                        EpochListener listener) {
        return resume(ModelFamily.of(lastCheckpoint), lastCheckpoint, train, evaluation, data, listener);
    }

    private static <M extends GraphModel<?>> TrainingResult resume(ModelFamily<M> family, Path lastCheckpoint,
                                                                   List<TrainingSample> train,
                                                                   List<TrainingSample> evaluation,
                                                                   Map<String, Object> data,
                                                                   EpochListener listener) {
        CheckpointRecord record = family.record(lastCheckpoint);
        String source = lastCheckpoint.resolve(Checkpoints.MANIFEST).toString();
        Object savedConfig = record.training().get("config");
        if (savedConfig == null) {
            throw new BadInputException(source, "training", "no training configuration: not a training checkpoint");
        }
        TrainConfig config = Checkpoints.json().convertValue(savedConfig, TrainConfig.class);
        Object savedCount = record.training().get("trainCount");
        if (!(savedCount instanceof Number n) || n.intValue() != train.size()) {
            throw new BadInputException(source, "training.trainCount", "checkpoint was trained on " + savedCount
                    + " samples, resume was given " + train.size());
        }
        byte[] state = family.optimizerState(lastCheckpoint);
        if (state == null) {
            throw new BadInputException(source, null, "no optimizer state: resume from a '" + LAST + "' checkpoint");
        }
        Path runDir = lastCheckpoint.toAbsolutePath().getParent();
        Trainer<M> trainer = new Trainer<>(family, config, listener);
        try (M model = family.load(lastCheckpoint);
             ModelEma<M> ema = config.emaDecay() > 0
                     ? new ModelEma<>(family.load(runDir.resolve(LAST_EMA)), config.emaDecay()) : null) {
            trainer.validate(model, train, evaluation);
            AdamOptimizer adam = new AdamOptimizer(model, config);
            try {
                adam.restore(state, lastCheckpoint.resolve(Checkpoints.OPTIMIZER).toString());
            } catch (IOException e) {
                throw new BadInputException(lastCheckpoint.resolve(Checkpoints.OPTIMIZER).toString(), null,
                        e.getMessage(), e);
            }
            Map<String, Double> m = record.metrics();
            return trainer.run(model, ema, adam,
                    new Selection(m.getOrDefault("bestEpoch", 0.0).intValue(), m.getOrDefault("bestScore", Double.NaN)),
                    new Selection(m.getOrDefault("bestEmaEpoch", 0.0).intValue(),
                            m.getOrDefault("bestEmaScore", Double.NaN)),
                    record.epoch(), train, evaluation, runDir, data);
        }
    }

    /** The best epoch so far of one network (raw or EMA) and its score. */
    private static final class Selection {
        int epoch;
        double score;

        Selection(int epoch, double score) {
            this.epoch = epoch;
            this.score = score;
        }
    }

    private TrainingResult run(M model, ModelEma<M> ema, AdamOptimizer adam, Selection best, Selection bestEma,
                               int doneEpochs, List<TrainingSample> train, List<TrainingSample> evaluation,
                               Path runDir, Map<String, Object> data) {
        TrainingStep step = new TrainingStep(model, adam, config);
        int[] counts = train.stream().mapToInt(s -> s.graph().nodeCount()).toArray();
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        LinearWarmupSchedule schedule = LinearWarmupSchedule.of(config, stepsPerEpoch);
        List<EpochReport> history = new ArrayList<>();
        try (ProgressBar bar = config.showProgress() ? new ProgressBarBuilder().setTaskName("train")
                .setInitialMax((long) (config.epochs() - doneEpochs) * stepsPerEpoch)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
            for (int epoch = doneEpochs + 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                DropoutMask.seed(derivedSeed(config.seed(), epoch, 2));
                SplittableRandom rng = new SplittableRandom(derivedSeed(config.seed(), epoch, 3));
                SplittableRandom shuffle = rng.split();
                SplittableRandom pairs = rng.split();
                List<int[]> plan = BatchPlanner.shuffledBuckets(counts, config.batchSize(), config.windowBatches(),
                        shuffle);
                double lossSum = 0;
                float lr = 0;
                int done = 0;
                long skippedBefore = adam.skipped();
                for (int[] batch : plan) {
                    lr = LinearWarmupSchedule.learningRate(config, schedule, adam.iterations());
                    double loss = step.run(Arrays.stream(batch).mapToObj(train::get).toList(), lr, pairs, epoch);
                    if (!Double.isNaN(loss)) {
                        lossSum += loss;
                        done++;
                        if (ema != null) {
                            ema.update(model);
                        }
                    }
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(String.format("epoch %d loss %.4f", epoch, lossSum / done));
                    }
                }
                Metrics metrics = null;
                Metrics emaMetrics = null;
                boolean improved = false;
                boolean emaImproved = false;
                if (epoch % config.evalEvery() == 0 || epoch == config.epochs()) {
                    metrics = evaluate(model, evaluation, config.evalBatchSize());
                    improved = select(best, metrics, epoch);
                    if (ema != null) {
                        emaMetrics = evaluate(ema.model(), evaluation, config.evalBatchSize());
                        emaImproved = select(bestEma, emaMetrics, epoch);
                    }
                }
                double meanLoss = lossSum / done;
                int skipped = (int) (adam.skipped() - skippedBefore);
                Map<String, Double> numbers = new TreeMap<>();
                numbers.put("trainLoss", meanLoss);
                numbers.put("skippedSteps", (double) adam.skipped());
                numbers.put("bestEpoch", (double) best.epoch);
                numbers.put("bestScore", best.score);
                put(numbers, "eval.", metrics);
                if (ema != null) {
                    numbers.put("bestEmaEpoch", (double) bestEma.epoch);
                    numbers.put("bestEmaScore", bestEma.score);
                    put(numbers, "ema.", emaMetrics);
                }
                if (improved) {
                    save(runDir.resolve(BEST), model, null, epoch, adam.iterations(), numbers, train, evaluation, data);
                }
                if (emaImproved) {
                    save(runDir.resolve(BEST_EMA), ema.model(), null, epoch, adam.iterations(), numbers, train,
                            evaluation, data);
                }
                if (ema != null) {
                    // last-ema/ and last/ are written one after the other: a run killed between the two resumes
                    // with an average one epoch ahead of its weights (the only inexact resume)
                    save(runDir.resolve(LAST_EMA), ema.model(), null, epoch, adam.iterations(), numbers, train,
                            evaluation, data);
                }
                save(runDir.resolve(LAST), model, adam.encode(), epoch, adam.iterations(), numbers, train, evaluation,
                        data);
                EpochReport report = new EpochReport(epoch, plan.size(), skipped, meanLoss, lr, metrics, improved,
                        emaMetrics, BatchPlanner.paddingFraction(plan, counts), (System.nanoTime() - start) / 1e9);
                history.add(report);
                listener.epochDone(report, model, ema == null ? null : ema.model());
                if (bar != null && metrics != null) {
                    bar.setExtraMessage(String.format("epoch %d loss %.4f %s %.4f", epoch, meanLoss,
                            config.metric() == SelectionMetric.KENDALL_TAU ? "tau" : "mape",
                            config.metric().value(metrics)));
                }
            }
        }
        Path bestEmaDir = runDir.resolve(BEST_EMA);
        return new TrainingResult(history, best.epoch, best.score, best.epoch > 0 ? runDir.resolve(BEST) : null,
                runDir.resolve(LAST), bestEma.epoch, bestEma.score,
                bestEma.epoch > 0 && Files.isDirectory(bestEmaDir) ? bestEmaDir : null);
    }

    /** Whether {@code metrics} beat {@code best}; updates it if so. */
    private boolean select(Selection best, Metrics metrics, int epoch) {
        double score = config.metric().value(metrics);
        if (!config.metric().improves(score, best.score)) {
            return false;
        }
        best.score = score;
        best.epoch = epoch;
        return true;
    }

    private static void put(Map<String, Double> numbers, String prefix, Metrics metrics) {
        if (metrics == null) {
            return;
        }
        numbers.put(prefix + "count", (double) metrics.count());
        numbers.put(prefix + "mape", metrics.mape());
        numbers.put(prefix + "rmse", metrics.rmse());
        numbers.put(prefix + "acc10", metrics.acc10());
        numbers.put(prefix + "kendallTau", metrics.kendallTau());
        numbers.put(prefix + "spearmanRho", metrics.spearmanRho());
    }

    private void save(Path dir, M model, byte[] optimizerState, int epoch, long step, Map<String, Double> metrics,
                      List<TrainingSample> train, List<TrainingSample> evaluation, Map<String, Object> data) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("config", Checkpoints.json().convertValue(config, Map.class));
        training.put("trainCount", train.size());
        training.put("evaluationCount", evaluation.size());
        training.put("selectionSet", config.selectionSet().name());
        training.put("seedDerivation", "per purpose and epoch: mix(master, epoch, purpose); init purpose 1 epoch 0");
        try {
            family.write(dir, model, new CheckpointRecord(Map.of("master", config.seed()), training, data, epoch,
                    step, metrics), optimizerState);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir, e);
        }
    }

    private void validate(M model, List<TrainingSample> train, List<TrainingSample> evaluation) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        if (evaluation.isEmpty()) {
            throw new IllegalArgumentException("no evaluation samples: model selection needs a "
                    + config.selectionSet().name().toLowerCase() + " set");
        }
        checkSamples(model, train, "training");
        checkSamples(model, evaluation, "evaluation");
    }

    private static void checkSamples(GraphModel<?> model, List<TrainingSample> samples, String what) {
        for (int i = 0; i < samples.size(); i++) {
            TrainingSample s = samples.get(i);
            if (s.outputs() != model.outputs()) {
                throw new BadInputException(what + " sample " + i, null, s.outputs() + " targets, the model has "
                        + model.outputs() + " outputs");
            }
            for (TokenizedGraph g : s.augmented() == null ? List.of(s.graph()) : List.of(s.graph(), s.augmented())) {
                String mismatch = model.inputMismatch(g);
                if (mismatch != null) {
                    throw new BadInputException(what + " sample " + i, null, mismatch);
                }
            }
        }
    }

    /**
     * Reference metrics of {@code model}'s predictions on {@code samples}; for several outputs, the unweighted mean
     * over outputs of each output's metrics ({@link Metrics#meanOf}).
     */
    static Metrics evaluate(GraphModel<?> model, List<TrainingSample> samples, int batchSize) {
        float[][] predicted = model.predictOutputs(samples.stream().map(TrainingSample::graph).toList(), batchSize);
        List<Metrics> perOutput = new ArrayList<>(model.outputs());
        for (int o = 0; o < model.outputs(); o++) {
            double[] p = new double[samples.size()];
            double[] y = new double[samples.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = predicted[i][o];
                y[i] = samples.get(i).targets()[o];
            }
            perOutput.add(Metrics.of(p, y));
        }
        return perOutput.size() == 1 ? perOutput.get(0) : Metrics.meanOf(perOutput);
    }

    /** A 31-bit seed for one purpose and epoch, from the master seed (SplitMix64 finaliser). */
    static int derivedSeed(long master, int epoch, int purpose) {
        long z = master * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z & 0x7fffffff);
    }
}
