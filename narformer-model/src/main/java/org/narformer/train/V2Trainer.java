package org.narformer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import ai.djl.engine.Engine;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.narformer.BadInputException;
import org.narformer.metrics.Metrics;
import org.narformer.model.BatchPlanner;
import org.narformer.model.CheckpointManifest;
import org.narformer.model.Checkpoints;
import org.narformer.model.V2Config;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Trains NAR-Former V2 as the reference does (REFERENCE.md §4.4): relative MSE (+ SR and consistency losses
 * for NAS-Bench), Adam without weight decay, linear warm-up then linear decay stepped per iteration, an
 * evaluation after every {@code evalEvery} epochs, and the best checkpoint by the selection metric.
 *
 * <p>Writes {@code runDir/best} (parameters of the selected epoch) and {@code runDir/last} (parameters and
 * optimiser state after the last epoch, for {@link #resume}). Randomness is derived from the master seed per
 * purpose and per epoch, so a run resumed from {@code last} continues exactly as the uninterrupted run would.
 */
public final class V2Trainer {
    public static final String BEST = "best";
    public static final String LAST = "last";

    private final V2Config modelConfig;
    private final TrainConfig config;
    private final Consumer<EpochReport> listener;

    public V2Trainer(V2Config modelConfig, TrainConfig config) {
        this(modelConfig, config, report -> { });
    }

    private V2Trainer(V2Config modelConfig, TrainConfig config, Consumer<EpochReport> listener) {
        this.modelConfig = modelConfig;
        this.config = config;
        this.listener = listener;
    }

    /** A trainer that also calls {@code listener} after every epoch, once its checkpoints are written. */
    public V2Trainer withListener(Consumer<EpochReport> newListener) {
        return new V2Trainer(modelConfig, config, newListener);
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
        validate(train, evaluation);
        try (V2Model model = V2Model.create(modelConfig, derivedSeed(config.seed(), 0, 1))) {
            return run(model, new AdamOptimizer(model), 0, 0, Double.NaN, train, evaluation, runDir, data);
        }
    }

    /**
     * Continues a run from its {@code last} checkpoint, with the same data, to the configured number of
     * epochs. Checkpoints go to the same run directory.
     */
    public static TrainingResult resume(Path lastCheckpoint, List<TrainingSample> train,
                                        List<TrainingSample> evaluation, Map<String, Object> data) {
        return resume(lastCheckpoint, train, evaluation, data, report -> { });
    }

    /** {@link #resume(Path, List, List, Map)} with an epoch listener. */
    public static TrainingResult resume(Path lastCheckpoint, List<TrainingSample> train,
                                        List<TrainingSample> evaluation, Map<String, Object> data,
                                        Consumer<EpochReport> listener) {
        CheckpointManifest manifest = Checkpoints.readManifest(lastCheckpoint);
        String source = lastCheckpoint.resolve(Checkpoints.MANIFEST).toString();
        Object savedConfig = manifest.training().get("config");
        if (savedConfig == null) {
            throw new BadInputException(source, "training", "no training configuration: not a training checkpoint");
        }
        TrainConfig config = Checkpoints.json().convertValue(savedConfig, TrainConfig.class);
        Object savedCount = manifest.training().get("trainCount");
        if (!(savedCount instanceof Number n) || n.intValue() != train.size()) {
            throw new BadInputException(source, "training.trainCount", "checkpoint was trained on " + savedCount
                    + " samples, resume was given " + train.size());
        }
        byte[] state = Checkpoints.readOptimizerState(lastCheckpoint, manifest);
        if (state == null) {
            throw new BadInputException(source, null, "no optimizer state: resume from a '" + LAST + "' checkpoint");
        }
        V2Trainer trainer = new V2Trainer(manifest.model(), config, listener);
        trainer.validate(train, evaluation);
        try (V2Model model = Checkpoints.loadModel(lastCheckpoint)) {
            AdamOptimizer adam = new AdamOptimizer(model);
            try {
                adam.restore(state, lastCheckpoint.resolve(Checkpoints.OPTIMIZER).toString());
            } catch (IOException e) {
                throw new BadInputException(lastCheckpoint.resolve(Checkpoints.OPTIMIZER).toString(), null,
                        e.getMessage(), e);
            }
            double bestScore = manifest.metrics().getOrDefault("bestScore", Double.NaN);
            int bestEpoch = manifest.metrics().getOrDefault("bestEpoch", 0.0).intValue();
            return trainer.run(model, adam, manifest.epoch(), bestEpoch, bestScore, train, evaluation,
                    lastCheckpoint.toAbsolutePath().getParent(), data);
        }
    }

    private TrainingResult run(V2Model model, AdamOptimizer adam, int doneEpochs, int bestEpoch, double bestScore,
                               List<TrainingSample> train, List<TrainingSample> evaluation, Path runDir,
                               Map<String, Object> data) {
        TrainingStep step = new TrainingStep(model, adam, config);
        int[] counts = train.stream().mapToInt(s -> s.graph().nodeCount()).toArray();
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        LinearWarmupSchedule schedule = LinearWarmupSchedule.of(config, stepsPerEpoch);
        List<TokenizedGraph> evalGraphs = evaluation.stream().map(TrainingSample::graph).toList();
        double[] evalTargets = targets(evaluation);
        List<EpochReport> history = new ArrayList<>();
        try (ProgressBar bar = config.showProgress() ? new ProgressBarBuilder().setTaskName("train")
                .setInitialMax((long) (config.epochs() - doneEpochs) * stepsPerEpoch)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
            for (int epoch = doneEpochs + 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                Engine.getInstance().setRandomSeed(derivedSeed(config.seed(), epoch, 2));
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
                    }
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(String.format("epoch %d loss %.4f", epoch, lossSum / done));
                    }
                }
                Metrics metrics = null;
                boolean improved = false;
                if (epoch % config.evalEvery() == 0 || epoch == config.epochs()) {
                    metrics = evaluate(model.predict(evalGraphs, config.evalBatchSize()), evalTargets);
                    double score = config.metric().value(metrics);
                    improved = config.metric().improves(score, bestScore);
                    if (improved) {
                        bestScore = score;
                        bestEpoch = epoch;
                    }
                }
                double meanLoss = lossSum / done;
                int skipped = (int) (adam.skipped() - skippedBefore);
                Map<String, Double> numbers = new TreeMap<>();
                numbers.put("trainLoss", meanLoss);
                numbers.put("skippedSteps", (double) adam.skipped());
                numbers.put("bestEpoch", (double) bestEpoch);
                numbers.put("bestScore", bestScore);
                if (metrics != null) {
                    numbers.put("eval.count", (double) metrics.count());
                    numbers.put("eval.mape", metrics.mape());
                    numbers.put("eval.rmse", metrics.rmse());
                    numbers.put("eval.acc10", metrics.acc10());
                    numbers.put("eval.kendallTau", metrics.kendallTau());
                    numbers.put("eval.spearmanRho", metrics.spearmanRho());
                }
                if (improved) {
                    save(runDir.resolve(BEST), model, null, epoch, adam.iterations(), numbers, train, evaluation, data);
                }
                save(runDir.resolve(LAST), model, adam.encode(), epoch, adam.iterations(), numbers, train, evaluation,
                        data);
                EpochReport report = new EpochReport(epoch, plan.size(), skipped, meanLoss, lr, metrics, improved,
                        BatchPlanner.paddingFraction(plan, counts), (System.nanoTime() - start) / 1e9);
                history.add(report);
                listener.accept(report);
                if (bar != null && metrics != null) {
                    bar.setExtraMessage(String.format("epoch %d loss %.4f %s %.4f", epoch, meanLoss,
                            config.metric() == SelectionMetric.KENDALL_TAU ? "tau" : "mape",
                            config.metric().value(metrics)));
                }
            }
        }
        return new TrainingResult(history, bestEpoch, bestScore, bestEpoch > 0 ? runDir.resolve(BEST) : null,
                runDir.resolve(LAST));
    }

    private void save(Path dir, V2Model model, byte[] optimizerState, int epoch, long step,
                      Map<String, Double> metrics, List<TrainingSample> train, List<TrainingSample> evaluation,
                      Map<String, Object> data) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("config", Checkpoints.json().convertValue(config, Map.class));
        training.put("trainCount", train.size());
        training.put("evaluationCount", evaluation.size());
        training.put("selectionSet", config.selectionSet().name());
        training.put("seedDerivation", "per purpose and epoch: mix(master, epoch, purpose); init purpose 1 epoch 0");
        Map<String, Long> seeds = Map.of("master", config.seed());
        try {
            Checkpoints.write(dir, model, Checkpoints.manifest(modelConfig, seeds, training, data, epoch, step, metrics),
                    optimizerState);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir, e);
        }
    }

    private void validate(List<TrainingSample> train, List<TrainingSample> evaluation) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        if (evaluation.isEmpty()) {
            throw new IllegalArgumentException("no evaluation samples: model selection needs a "
                    + config.selectionSet().name().toLowerCase() + " set");
        }
        checkGraphs(train, "training");
        checkGraphs(evaluation, "evaluation");
    }

    private void checkGraphs(List<TrainingSample> samples, String what) {
        for (int i = 0; i < samples.size(); i++) {
            TrainingSample s = samples.get(i);
            for (TokenizedGraph g : s.augmented() == null ? List.of(s.graph()) : List.of(s.graph(), s.augmented())) {
                if (g.tokenDim() != modelConfig.tokenDim()) {
                    throw new BadInputException(what + " sample " + i, null, g.tokenDim()
                            + "-d tokens, the model expects " + modelConfig.tokenDim());
                }
                if (modelConfig.staticDim() > 0 && g.staticDim() != modelConfig.staticDim()) {
                    throw new BadInputException(what + " sample " + i, null, g.staticDim()
                            + " static features, the model expects " + modelConfig.staticDim());
                }
            }
        }
    }

    /** Reference metrics of predictions against targets. */
    static Metrics evaluate(float[] predicted, double[] targets) {
        double[] p = new double[predicted.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = predicted[i];
        }
        return Metrics.of(p, targets);
    }

    static double[] targets(List<TrainingSample> samples) {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).target();
        }
        return y;
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
