package org.narformer.train;

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
import org.narformer.model.BatchPlanner;
import org.narformer.model.GraphModel;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * One optimiser step of any model family: pad the batch ({@code [B originals; B augmented twins]} when the consistency loss is
 * on), forward in training mode, {@link TrainingLoss}, backward, Adam(W) update. Every native array of the step lives in an
 * {@code NDScope} closed at its end, so steps do not leak. A step with a non-finite loss or gradient is
 * skipped; ten in a row end the run.
 */
final class TrainingStep {
    /** Steps in a row with a non-finite loss or gradient after which the run is declared diverged. */
    static final int MAX_CONSECUTIVE_SKIPS = 10;

    private final GraphModel<?> model;
    private final AdamOptimizer adam;
    private final TrainConfig config;
    private int consecutiveSkips;
    private StepPhases phases;

    TrainingStep(GraphModel<?> model, AdamOptimizer adam, TrainConfig config) {
        this.model = model;
        this.adam = adam;
        this.config = config;
        model.attachGradients();
    }

    /** Records the time of each phase of the following steps into {@code timer} (null: stop recording). */
    TrainingStep withPhases(StepPhases timer) {
        this.phases = timer;
        return this;
    }

    /**
     * Runs the step with learning rate {@code lr}; {@code pairs} draws the SR permutation. Returns the loss, or
     * NaN when the update was skipped because the loss or a gradient was not finite ({@link AdamOptimizer}).
     *
     * @throws NarFormerException after {@link #MAX_CONSECUTIVE_SKIPS} skipped steps in a row
     */
    double run(List<TrainingSample> batch, float lr, SplittableRandom pairs, int epoch) {
        long start = System.nanoTime();
        boolean paired = config.usesAugmentation();
        StepBatch step = StepBatch.of(batch, paired);
        List<TokenizedGraph> graphs = step.graphs();
        float[] y = step.targets();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList inputs = model.inputs(graphs);
            NDArray target = model.manager().create(y, new Shape(graphs.size(), step.outputs()));
            float loss;
            long batched;
            long forwarded;
            long lossed;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                int[] perm = null;
                if (config.lambdaSr() > 0) {
                    perm = IntStream.range(0, graphs.size()).toArray();
                    BatchPlanner.shuffle(perm, pairs);
                }
                batched = System.nanoTime();
                NDArray predicted = model.forward(inputs, true);
                forwarded = System.nanoTime();
                NDArray total = TrainingLoss.total(predicted, target, perm, config);
                lossed = System.nanoTime();
                collector.backward(total);
                loss = total.getFloat();
            }
            long backwarded = System.nanoTime();
            boolean applied = Float.isFinite(loss) && adam.step(lr);
            if (!Float.isFinite(loss)) {
                adam.skip();
            }
            if (phases != null) {
                phases.record(start, batched, forwarded, lossed, backwarded, System.nanoTime());
            }
            consecutiveSkips = applied ? 0 : consecutiveSkips + 1;
            if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                throw new NarFormerException("training diverged: " + consecutiveSkips + " steps in a row with a "
                        + "non-finite loss or gradient, the last at epoch " + epoch + ", step " + adam.iterations()
                        + " (learning rate " + lr + ", loss " + loss + ")");
            }
            return applied ? loss : Double.NaN;
        }
    }
}
