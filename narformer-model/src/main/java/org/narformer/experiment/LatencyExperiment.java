package org.narformer.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.narformer.metrics.Metrics;
import org.narformer.model.ModelFamily;
import org.narformer.model.V1Family;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.train.EpochReport;
import org.narformer.train.Predictor;
import org.narformer.train.TrainConfig;
import org.narformer.train.TrainingResult;
import org.narformer.train.TrainingSample;
import org.narformer.train.Trainer;

/**
 * Fits every method on every fold and scores it on the fold's test networks: V2, NNLP and V1 through the one
 * trainer ({@link Trainer}, relative-MSE loss, epoch selected by validation MAPE — never by the test set),
 * the FLOPs regressions in closed form. Checkpoints go to a scratch directory under {@code workDirectory} that
 * is deleted after each run.
 */
public final class LatencyExperiment {
    private LatencyExperiment() {
    }

    /**
     * @param log called with one line per finished run
     */
    public static List<LatencyRun> run(List<LatencyFold> folds, List<LatencyMethod> methods,
                                       LatencyExperimentConfig config, Path workDirectory, Consumer<String> log) {
        List<LatencyRun> runs = new ArrayList<>();
        for (LatencyFold fold : folds) {
            double[] measured = fold.test().stream().mapToDouble(LatencyDataset.Item::latencyMs).toArray();
            for (LatencyMethod method : methods) {
                int seeds = method.trained() ? config.seeds() : 1;
                for (int s = 0; s < seeds; s++) {
                    long seed = method.trained() ? config.seed() + s : 0;
                    LatencyRun run = method.trained()
                            ? trainGraphModel(fold, method, seed, config, measured, workDirectory)
                            : fitRegression(fold, method, measured);
                    runs.add(run);
                    log.accept(String.format(java.util.Locale.ROOT,
                            "%s %s seed %d: MAPE %.2f%% Acc@10%% %.1f%% (last epoch: %.2f%%; best on test, "
                                    + "optimistic: %.2f%%), %.0f s%s", fold.name(), method.label(), seed,
                            100 * run.selected().mape(), 100 * run.selected().acc10(), 100 * run.last().mape(),
                            100 * run.bestOnTest().mape(), run.trainSeconds(), run.skippedSteps() > 0
                                    ? ", " + run.skippedSteps() + " steps skipped (non-finite loss or gradient)" : ""));
                }
            }
        }
        return runs;
    }

    private static LatencyRun fitRegression(LatencyFold fold, LatencyMethod method, double[] measured) {
        long start = System.nanoTime();
        List<LatencyDataset.Item> fitOn = new ArrayList<>(fold.train());
        fitOn.addAll(fold.validation());
        LinearLatencyModel model = LinearLatencyModel.fit(fitOn, method == LatencyMethod.FLOPS_MAC);
        double[] predicted = fold.test().stream().mapToDouble(model::predict).toArray();
        Metrics metrics = Metrics.of(predicted, measured);
        return new LatencyRun(fold.name(), method, 0, ids(fold), families(fold), predicted, predicted, measured,
                metrics, metrics, 0, (System.nanoTime() - start) / 1e9, predicted, 0, 0);
    }

    private static LatencyRun trainGraphModel(LatencyFold fold, LatencyMethod method, long seed,
                                              LatencyExperimentConfig config, double[] measured, Path work) {
        TrainConfig training = trainConfig(method, config).withSeed(seed);
        Path runDirectory = work.resolve(fold.name() + "-" + method.label() + "-" + seed);
        long start = System.nanoTime();
        BestOnTest onTest = new BestOnTest();
        try {
            TrainingResult result = new Trainer<>(family(fold, method, config), training)
                    .withListener((report, live, ema) -> {
                        long t0 = System.nanoTime();
                        double[] p = toDouble(live.predict(graphs(fold.test(), method, config),
                                V2Model.DEFAULT_INFERENCE_BATCH));
                        onTest.offer(report.epoch(), p, Metrics.of(p, measured).mape());
                        onTest.seconds += (System.nanoTime() - t0) / 1e9;
                    }).train(samples(fold.train(), method, config), samples(fold.validation(), method, config),
                            runDirectory, checkpointData(fold, method, config, Map.of()));
            double seconds = (System.nanoTime() - start) / 1e9 - onTest.seconds;
            double[] best = predict(result.bestCheckpoint(), fold.test(), method, config);
            double[] last = predict(result.lastCheckpoint(), fold.test(), method, config);
            return new LatencyRun(fold.name(), method, seed, ids(fold), families(fold), best, last, measured,
                    Metrics.of(best, measured), Metrics.of(last, measured), result.bestEpoch(), seconds,
                    onTest.predicted, onTest.epoch,
                    result.history().stream().mapToInt(EpochReport::skippedSteps).sum());
        } finally {
            ScratchDirectory.delete(runDirectory);
        }
    }

    /**
     * Trains one latency predictor of {@code method} on {@code fold}'s training networks, the epoch selected by the
     * MAPE on its validation networks, into {@code runDirectory} ({@code best/} and {@code last/}, as {@link Trainer}
     * writes them). The checkpoints record the method's {@link LatencyInput}, so that {@link LatencyPredictor} reads
     * new networks as the training networks were read, and {@code description} (e.g. the label file).
     *
     * @param showProgress a progress bar per epoch
     */
    public static TrainingResult fit(LatencyFold fold, LatencyMethod method, LatencyExperimentConfig config,
                                     Path runDirectory, Map<String, Object> description, boolean showProgress) {
        TrainConfig training = trainConfig(method, config).withShowProgress(showProgress);
        return new Trainer<>(family(fold, method, config), training).train(samples(fold.train(), method, config),
                samples(fold.validation(), method, config), runDirectory,
                checkpointData(fold, method, config, description));
    }

    /** What a latency checkpoint records of its data: the fold, its sizes, the method's input and {@code extra}. */
    private static Map<String, Object> checkpointData(LatencyFold fold, LatencyMethod method,
                                                      LatencyExperimentConfig config, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>(extra);
        data.put("fold", fold.name());
        data.put("trainNetworks", fold.train().size());
        data.put("validationNetworks", fold.validation().size());
        data.put(LatencyInput.KEY, LatencyInput.of(method, config).toRecord());
        return data;
    }

    /**
     * The network of a trained {@code method}: V2 or NNLP at the configured size (and output scale), or V1 at its
     * configured width and static features ({@link LatencyExperimentConfig#v1Tokenizer()}).
     */
    private static ModelFamily<?> family(LatencyFold fold, LatencyMethod method, LatencyExperimentConfig config) {
        if (method == LatencyMethod.V1) {
            return new V1Family(config.v1(), config.v1Tokenizer());
        }
        V2Config base = method == LatencyMethod.V2 ? V2Config.nnlqp() : V2Config.nnlp();
        return new V2Family(base.withSize(config.layers(), config.hiddenDim())
                .withStaticDim(fold.train().get(0).graph(method, config).staticDim())
                .withOutputScale(config.outputScale() == LatencyExperimentConfig.OutputScale.TRAIN_MEAN
                        ? (float) fold.train().stream().mapToDouble(LatencyDataset.Item::latencyMs).average()
                        .orElseThrow() : 1f));
    }

    /**
     * How a trained {@code method} is trained (its first seed; seed {@code s} replaces it): the reference training
     * of the method at the configured epochs and objective, without a progress bar. V1's reference objective is
     * plain MSE, which the default relative MSE of the other two leaves in place (only log-MSE replaces it).
     */
    public static TrainConfig trainConfig(LatencyMethod method, LatencyExperimentConfig config) {
        TrainConfig reference = switch (method) {
            case V2 -> TrainConfig.nnlqp().withObjective(config.objective());
            case NNLP -> TrainConfig.nnlp().withObjective(config.objective());
            case V1 -> config.objective() == TrainConfig.Objective.RELATIVE_MSE ? TrainConfig.v1Nnlqp()
                    : TrainConfig.v1Nnlqp().withObjective(config.objective());
            default -> throw new IllegalArgumentException(method.label() + " is not trained");
        };
        return reference.withEpochs(config.epochs()).withSeed(config.seed()).withShowProgress(false);
    }

    /**
     * The epoch with the lowest test MAPE, tracked after every epoch (scoring the live network) for the labelled
     * best-on-test column (the reference's NNLQP selection); its scoring time is kept out of the fit time.
     */
    private static final class BestOnTest {
        double mape = Double.POSITIVE_INFINITY;
        double[] predicted;
        int epoch;
        double seconds;

        void offer(int atEpoch, double[] p, double testMape) {
            if (testMape < mape) {
                mape = testMape;
                predicted = p;
                epoch = atEpoch;
            }
        }
    }

    private static String[] ids(LatencyFold fold) {
        return fold.test().stream().map(i -> i.sample().id()).toArray(String[]::new);
    }

    private static String[] families(LatencyFold fold) {
        return fold.test().stream().map(LatencyDataset.Item::family).toArray(String[]::new);
    }

    private static List<TrainingSample> samples(List<LatencyDataset.Item> items, LatencyMethod method,
                                                LatencyExperimentConfig config) {
        return items.stream().map(i -> TrainingSample.of(i.graph(method, config), (float) i.latencyMs())).toList();
    }

    private static double[] predict(Path checkpoint, List<LatencyDataset.Item> items, LatencyMethod method,
                                    LatencyExperimentConfig config) {
        try (Predictor predictor = Predictor.load(checkpoint)) {
            return toDouble(predictor.predict(graphs(items, method, config)));
        }
    }

    private static List<TokenizedGraph> graphs(List<LatencyDataset.Item> items, LatencyMethod method,
                                               LatencyExperimentConfig config) {
        return items.stream().map(i -> i.graph(method, config)).toList();
    }

    private static double[] toDouble(float[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i];
        }
        return d;
    }
}
