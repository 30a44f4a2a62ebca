package org.narformer.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.narformer.metrics.Metrics;
import org.narformer.metrics.SpearmanRho;
import org.narformer.model.BatchPlanner;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.model.V2Model;
import org.narformer.train.TrainConfig;
import org.narformer.train.Trainer;
import org.narformer.train.TrainingResult;
import org.narformer.train.TrainingSample;

/**
 * The multi-device and few-shot latency protocol of {@link MultiDeviceConfig} on a {@link DeviceLatencies} table:
 * <ol>
 *   <li>{@link #PER_DEVICE}: one single-output model per source device;</li>
 *   <li>{@link #MULTI_HEAD}: one model whose head has one output per source device ({@code Linear(d → D)}), trained
 *       on the same networks with the relative-MSE loss over all D outputs;</li>
 *   <li>for each unseen target device, k labelled networks and each seed: {@link #SCRATCH} (a fresh model trained on
 *       the k networks), {@link #NEAREST_DEVICE} (the predictions of the source device whose predictions rank the
 *       k networks best, times the scale that fits their labels; no training) and {@link #TRANSFER} (the multi-head
 *       model's trunk with that device's head and that scale, fine-tuned on the k networks: it starts from the
 *       nearest-device predictions).</li>
 * </ol>
 * Pre-training selects its epoch on the validation networks; few-shot fits have no validation labels and keep their
 * last epoch. Every predictor is scored on the same test networks. Checkpoints go to {@code work} and are deleted.
 */
public final class MultiDeviceExperiment {
    public static final String PER_DEVICE = "per-device";
    public static final String MULTI_HEAD = "multi-head";
    public static final String SCRATCH = "scratch";
    public static final String TRANSFER = "transfer";
    public static final String NEAREST_DEVICE = "nearest-device";

    private MultiDeviceExperiment() {
    }

    /**
     * What the protocol produced.
     *
     * @param runs       every scored predictor
     * @param train      the pre-training networks (row indices of the table)
     * @param validation the networks that selected the pre-training epoch
     * @param test       the networks every predictor is scored on
     */
    public record Result(List<DeviceRun> runs, int[] train, int[] validation, int[] test) {
    }

    /**
     * @param model    the network configuration for the table's tokens (its output count is set here)
     * @param training the pre-training schedule (the NNLQP latency recipe: relative MSE, lr 1e-3, warm-up and linear
     *                 decay, batch 16, MAPE selection); epochs and seeds come from {@code config}
     * @param log      called with one line per finished fit
     */
    public static Result run(DeviceLatencies data, V2Config model, TrainConfig training, MultiDeviceConfig config,
                             Path work, Consumer<String> log) {
        int n = data.ids().size();
        if (config.trainNetworks() + config.validationNetworks() >= n) {
            throw new IllegalArgumentException("the table has " + n + " networks: too few for "
                    + config.trainNetworks() + " pre-training and " + config.validationNetworks() + " validation");
        }
        int[] order = permutation(n, config.seed());
        int[] train = Arrays.copyOfRange(order, 0, config.trainNetworks());
        int[] validation = Arrays.copyOfRange(order, config.trainNetworks(),
                config.trainNetworks() + config.validationNetworks());
        int[] test = Arrays.copyOfRange(order, config.trainNetworks() + config.validationNetworks(), n);
        int[] sources = config.sources().stream().mapToInt(data::device).toArray();
        int[] targets = config.targets().stream().mapToInt(data::device).toArray();
        V2Config single = model.withOutputs(1);
        TrainConfig pretraining = training.withEpochs(config.epochs()).withSeed(config.seed()).withShowProgress(false);
        List<DeviceRun> runs = new ArrayList<>();

        for (int d : sources) {
            Fit fit = fit(single, pretraining, null, samples(data, train, d), samples(data, validation, d),
                    work.resolve(PER_DEVICE + "-" + d), true);
            try (V2Model m = fit.model) {
                runs.add(scored(data, d, PER_DEVICE, train.length, config.seed(), test, column(m.predictOutputs(
                        data.graphs(test), V2Model.DEFAULT_INFERENCE_BATCH), 0), fit, null));
            }
            log.accept(line(runs.get(runs.size() - 1)));
        }

        Fit multi = fit(model.withOutputs(sources.length), pretraining, null, samples(data, train, sources),
                samples(data, validation, sources), work.resolve(MULTI_HEAD), true);
        try (V2Model pretrained = multi.model) {
            float[][] onTest = pretrained.predictOutputs(data.graphs(test), V2Model.DEFAULT_INFERENCE_BATCH);
            float[][] onTrain = pretrained.predictOutputs(data.graphs(train), V2Model.DEFAULT_INFERENCE_BATCH);
            for (int j = 0; j < sources.length; j++) {
                runs.add(scored(data, sources[j], MULTI_HEAD, train.length, config.seed(), test, column(onTest, j),
                        multi, null));
                log.accept(line(runs.get(runs.size() - 1)));
            }
            for (int t : targets) {
                for (int k : config.shots()) {
                    for (int s = 0; s < config.seeds(); s++) {
                        long seed = config.seed() + s;
                        int[] shotIndex = Arrays.copyOf(permutation(train.length, seed * 31 + k), k);
                        int[] shot = Arrays.stream(shotIndex).map(i -> train[i]).toArray();
                        double[] y = data.column(t, shot);
                        int nearest = nearestSource(onTrain, shotIndex, y);
                        String sourceName = data.devices().get(sources[nearest]);
                        double scale = relativeScale(values(onTrain, shotIndex, nearest), y);
                        runs.add(nearestDevice(data, t, k, seed, test, onTest, nearest, scale, sourceName));
                        TrainConfig fewShot = fewShot(pretraining, k, config.fewShotSteps()).withSeed(seed);
                        List<TrainingSample> labelled = samples(data, shot, t);
                        Fit scratch = fit(single, fewShot, null, labelled, labelled,
                                work.resolve(SCRATCH + "-" + t + "-" + k + "-" + seed), false);
                        try (V2Model m = scratch.model) {
                            runs.add(scored(data, t, SCRATCH, k, seed, test, column(m.predictOutputs(
                                    data.graphs(test), V2Model.DEFAULT_INFERENCE_BATCH), 0), scratch, null));
                        }
                        Fit transfer;
                        try (V2Model start = pretrained.withHeads(new int[] {nearest},
                                (float) scale * pretrained.config().outputScale(), (int) seed)) {
                            transfer = fit(start.config(), fewShot.withLearningRate(config.fineTuneRate()), start,
                                    labelled, labelled, work.resolve(TRANSFER + "-" + t + "-" + k + "-" + seed), false);
                        }
                        try (V2Model m = transfer.model) {
                            runs.add(scored(data, t, TRANSFER, k, seed, test, column(m.predictOutputs(
                                    data.graphs(test), V2Model.DEFAULT_INFERENCE_BATCH), 0), transfer, sourceName));
                        }
                        for (DeviceRun r : runs.subList(runs.size() - 3, runs.size())) {
                            log.accept(line(r));
                        }
                    }
                }
            }
        }
        return new Result(runs, train, validation, test);
    }

    /** A fitted model (the caller closes it), its fit time and the epoch it comes from. */
    private record Fit(V2Model model, double seconds, int epoch) {
    }

    private static Fit fit(V2Config config, TrainConfig training, V2Model initial, List<TrainingSample> train,
                           List<TrainingSample> evaluation, Path dir, boolean selected) {
        V2Family family = new V2Family(config);
        Trainer<V2Model> trainer = Trainer.of(family, training);
        long start = System.nanoTime();
        try {
            Map<String, Object> data = Map.of("networks", train.size());
            TrainingResult result = initial == null ? trainer.train(train, evaluation, dir, data)
                    : trainer.fineTune(initial, train, evaluation, dir, data);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean best = selected && result.bestCheckpoint() != null;
            V2Model model = family.load(best ? result.bestCheckpoint() : result.lastCheckpoint());
            return new Fit(model, seconds, best ? result.bestEpoch() : training.epochs());
        } finally {
            ScratchDirectory.delete(dir);
        }
    }

    /** The few-shot schedule: batches of at most the pre-training size, epochs for about {@code steps} steps. */
    static TrainConfig fewShot(TrainConfig base, int k, int steps) {
        int batch = Math.min(base.batchSize(), k);
        int perEpoch = (k + batch - 1) / batch;
        int epochs = Math.max(1, Math.round((float) steps / perEpoch));
        return base.withBatchSize(batch).withEpochs(epochs).withEvalEvery(epochs);
    }

    /** The source whose predictions on the k labelled networks have the highest Spearman ρ with their labels. */
    static int nearestSource(float[][] onTrain, int[] shotIndex, double[] y) {
        int best = 0;
        double bestRho = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < onTrain[0].length; j++) {
            double rho = SpearmanRho.rho(values(onTrain, shotIndex, j), y);
            if (rho > bestRho) {
                bestRho = rho;
                best = j;
            }
        }
        return best;
    }

    /** The scale c minimising {@code Σ (c·p/y − 1)²}, the relative squared error the models are trained on. */
    static double relativeScale(double[] p, double[] y) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < p.length; i++) {
            double r = p[i] / y[i];
            num += r;
            den += r * r;
        }
        return num / den;
    }

    private static DeviceRun nearestDevice(DeviceLatencies data, int t, int k, long seed, int[] test,
                                           float[][] onTest, int nearest, double scale, String sourceName) {
        double[] p = column(onTest, nearest);
        for (int i = 0; i < p.length; i++) {
            p[i] *= scale;
        }
        return scored(data, t, NEAREST_DEVICE, k, seed, test, p, new Fit(null, 0, 0), sourceName);
    }

    private static DeviceRun scored(DeviceLatencies data, int device, String method, int shots, long seed,
                                    int[] test, double[] predicted, Fit fit, String sourceDevice) {
        return new DeviceRun(data.devices().get(device), method, shots, seed,
                Metrics.of(predicted, data.column(device, test)), fit.epoch, fit.seconds, sourceDevice, predicted);
    }

    private static List<TrainingSample> samples(DeviceLatencies data, int[] rows, int... devices) {
        List<TrainingSample> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            float[] y = new float[devices.length];
            for (int j = 0; j < devices.length; j++) {
                y[j] = (float) data.latencyMs()[r][devices[j]];
            }
            out.add(new TrainingSample(data.graphs().get(r), null, y));
        }
        return out;
    }

    private static double[] column(float[][] predicted, int j) {
        double[] out = new double[predicted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predicted[i][j];
        }
        return out;
    }

    private static double[] values(float[][] predicted, int[] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predicted[rows[i]][j];
        }
        return out;
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        BatchPlanner.shuffle(p, new SplittableRandom(seed));
        return p;
    }

    private static String line(DeviceRun r) {
        return String.format(Locale.ROOT, "%-14s %-14s k=%-4d seed %d: MAPE %.2f%% Acc@10%% %.1f%% rho %.3f (%.1f s)",
                r.device(), r.method(), r.shots(), r.seed(), 100 * r.test().mape(), 100 * r.test().acc10(),
                r.test().spearmanRho(), r.seconds());
    }
}
