package org.narformer.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.narformer.NarFormerException;
import org.narformer.metrics.KendallTau;
import org.narformer.model.BatchPlanner;
import org.narformer.model.V1Model;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Trains a NAR-Former (V1) network as the reference {@code main.py} does (REFERENCE.md §6.3): shuffled batches
 * (with their augmented twins when the consistency loss is on), {@link V1Loss}, AdamW with linear warm-up and
 * decay stepped per iteration, an EMA of the weights updated after each step, and after each epoch validation
 * τ of the raw and the EMA network, each keeping its best epoch.
 */
public final class V1Trainer {
    private final V1TrainConfig config;

    public V1Trainer(V1TrainConfig config) {
        this.config = config;
    }

    /**
     * @param model     the network to train (its weights end as the last epoch's)
     * @param train     training samples (with twins when {@link V1TrainConfig#usesAugmentation()})
     * @param val       validation graphs
     * @param valTruth  their labels
     */
    public V1TrainingResult train(V1Model model, List<TrainingSample> train, List<TokenizedGraph> val,
                                  double[] valTruth) {
        if (train.isEmpty() || val.size() != valTruth.length) {
            throw new IllegalArgumentException("need training samples and one label per validation graph");
        }
        model.attachGradients();
        AdamOptimizer adamW = new AdamOptimizer(model.parameters(), model.manager(), config.weightDecay(),
                config::decays);
        long stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long total = stepsPerEpoch * config.epochs();
        LinearWarmupSchedule schedule = new LinearWarmupSchedule(config.learningRate(), config.warmupRate() * total,
                total);
        SplittableRandom rng = new SplittableRandom(config.seed());
        List<V1EpochReport> reports = new ArrayList<>();
        int bestEpoch = 0;
        double bestTau = Double.NEGATIVE_INFINITY;
        byte[] best = null;
        int bestEmaEpoch = 0;
        double bestEmaTau = Double.NaN;
        byte[] bestEma = null;
        try (ModelEma ema = config.emaDecay() > 0 ? new ModelEma(model, config.emaDecay()) : null) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                int[] order = IntStream.range(0, train.size()).toArray();
                BatchPlanner.shuffle(order, rng);
                double sum = 0;
                int applied = 0;
                for (int start = 0; start < order.length; start += config.batchSize()) {
                    List<TrainingSample> batch = new ArrayList<>();
                    for (int k = start; k < Math.min(order.length, start + config.batchSize()); k++) {
                        batch.add(train.get(order[k]));
                    }
                    double loss = step(model, adamW, batch, schedule.learningRate(adamW.iterations()), rng);
                    if (!Double.isNaN(loss)) {
                        sum += loss;
                        applied++;
                        if (ema != null) {
                            ema.update(model);
                        }
                    }
                }
                if (applied == 0) {
                    throw new NarFormerException("V1 training diverged: no finite step in epoch " + epoch);
                }
                double tau = tau(model, val, valTruth);
                double emaTau = ema == null ? Double.NaN : tau(ema.model(), val, valTruth);
                reports.add(new V1EpochReport(epoch, sum / applied, tau, emaTau));
                if (tau > bestTau) {
                    bestTau = tau;
                    bestEpoch = epoch;
                    best = parameters(model);
                }
                if (ema != null && !(emaTau <= bestEmaTau)) {
                    bestEmaTau = emaTau;
                    bestEmaEpoch = epoch;
                    bestEma = parameters(ema.model());
                }
            }
        }
        return new V1TrainingResult(List.copyOf(reports), bestEpoch, bestTau, best, bestEmaEpoch, bestEmaTau,
                bestEma);
    }

    /** One AdamW step; the loss, or NaN when the step was skipped (non-finite loss or gradient). */
    private double step(V1Model model, AdamOptimizer adamW, List<TrainingSample> batch, float lr,
                        SplittableRandom rng) {
        boolean paired = config.usesAugmentation();
        StepBatch step = StepBatch.of(batch, paired);
        List<TokenizedGraph> graphs = step.graphs();
        float[] y = step.targets();
        int[] perm = IntStream.range(0, y.length).toArray();
        BatchPlanner.shuffle(perm, rng);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList inputs = model.inputs(graphs);
            NDArray target = model.manager().create(y, new Shape(y.length, 1));
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray total = V1Loss.total(model.forward(inputs, true), target, perm, config);
                collector.backward(total);
                loss = total.getFloat();
            }
            if (!Float.isFinite(loss)) {
                adamW.skip();
                return Double.NaN;
            }
            return adamW.step(lr) ? loss : Double.NaN;
        }
    }

    private double tau(V1Model model, List<TokenizedGraph> val, double[] truth) {
        float[] p = model.predict(val, config.evalBatchSize());
        return KendallTau.tauB(NasBenchProtocol.toDouble(p), truth);
    }

    private static byte[] parameters(V1Model model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
