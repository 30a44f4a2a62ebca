package org.narformer.train;

import org.narformer.model.BatchPlanner;

/**
 * Training hyper-parameters (REFERENCE.md §4.4–4.5). Each field names the flag of the reference
 * {@code predictor/main.py}.
 *
 * @param epochs          {@code --epochs} (50 NNLQP, 1000 NAS-Bench-201)
 * @param batchSize       {@code --batch_size}, original graphs per step (16 NNLQP, 8 NAS-Bench); with the
 *                        consistency loss each step holds {@code 2·batchSize} graphs
 * @param evalBatchSize   graphs per inference batch during evaluation (the test scripts use 1024)
 * @param learningRate    peak learning rate; {@code --lr} (1e-3 NNLQP, 1e-4 NAS-Bench)
 * @param warmupRate      fraction of all iterations spent in linear warm-up; {@code --warmup_rate} (0.1)
 * @param lambdaSr        weight of the pairwise SR loss; {@code --lambda_sr} (0 NNLQP, 0.1 NAS-Bench)
 * @param lambdaCons      weight of the augmentation-consistency loss; {@code --lambda_cons} (0 / 0.5)
 * @param seed            master seed (initialisation, dropout, shuffling, SR permutations); the reference
 *                        does not seed training
 * @param evalEvery       evaluate every this many epochs; {@code --test_freq} (1 in both scripts)
 * @param metric          checkpoint-selection metric (τ for NAS-Bench, MAPE for NNLQP)
 * @param selectionSet    what the evaluation set is; the reference NNLQP protocol selects on test
 * @param windowBatches   size-bucketing window in batches (padding vs randomness; no reference equivalent,
 *                        the reference runs graphs one by one)
 * @param showProgress    print a progress bar with loss and ETA
 * @param schedule        learning-rate schedule: V2's warm-up + linear decay, or NNLQP's constant rate
 *                        ({@code StepLR(step_size=500)} never fires in 50 epochs); null reads as
 *                        {@link Schedule#WARMUP_LINEAR_DECAY} (configurations saved before it existed)
 */
public record TrainConfig(int epochs, int batchSize, int evalBatchSize, float learningRate, double warmupRate,
                          float lambdaSr, float lambdaCons, long seed, int evalEvery, SelectionMetric metric,
                          SelectionSet selectionSet, int windowBatches, boolean showProgress, Schedule schedule) {
    /** Learning-rate schedules. */
    public enum Schedule {
        /** HF {@code get_linear_schedule_with_warmup}, stepped per iteration ({@link LinearWarmupSchedule}). */
        WARMUP_LINEAR_DECAY,
        /** The peak rate throughout (NNLQP's NNLP training); {@code warmupRate} must be 0. */
        CONSTANT
    }

    public TrainConfig {
        schedule = schedule == null ? Schedule.WARMUP_LINEAR_DECAY : schedule;
        require(schedule != Schedule.CONSTANT || warmupRate == 0, "a constant schedule has no warm-up");
        require(epochs > 0, "epochs must be positive: " + epochs);
        require(batchSize > 0, "batchSize must be positive: " + batchSize);
        require(evalBatchSize > 0, "evalBatchSize must be positive: " + evalBatchSize);
        require(learningRate > 0 && Float.isFinite(learningRate), "learningRate must be positive: " + learningRate);
        require(warmupRate >= 0 && warmupRate < 1, "warmupRate must be in [0, 1): " + warmupRate);
        require(lambdaSr >= 0 && lambdaCons >= 0, "loss weights must be non-negative");
        require(evalEvery > 0, "evalEvery must be positive: " + evalEvery);
        require(windowBatches > 0, "windowBatches must be positive: " + windowBatches);
        if (metric == null || selectionSet == null) {
            throw new IllegalArgumentException("metric and selectionSet are required");
        }
    }

    /** A configuration with V2's warm-up + linear-decay schedule. */
    public TrainConfig(int epochs, int batchSize, int evalBatchSize, float learningRate, double warmupRate,
                       float lambdaSr, float lambdaCons, long seed, int evalEvery, SelectionMetric metric,
                       SelectionSet selectionSet, int windowBatches, boolean showProgress) {
        this(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons, seed, evalEvery, metric,
                selectionSet, windowBatches, showProgress, Schedule.WARMUP_LINEAR_DECAY);
    }

    /** The reference defaults that apply everywhere = {@link #nasBench201()}. */
    public static TrainConfig defaults() {
        return nasBench201();
    }

    /** {@code experiments/accuracy_prediction/nasbench201/train.sh}, with selection on the validation set. */
    public static TrainConfig nasBench201() {
        return new TrainConfig(1000, 8, 1024, 1e-4f, 0.1, 0.1f, 0.5f, 1234, 1, SelectionMetric.KENDALL_TAU,
                SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, true);
    }

    /**
     * {@code experiments/latency_prediction/in_domain/train.sh}. Selection defaults to a validation set; pass
     * {@link SelectionSet#BEST_ON_TEST_REFERENCE} (and the test set) to reproduce the published protocol.
     */
    public static TrainConfig nnlqp() {
        return new TrainConfig(50, 16, 1024, 1e-3f, 0.1, 0f, 0f, 1234, 1, SelectionMetric.MAPE,
                SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, true);
    }

    /**
     * NNLQP's NNLP training (REFERENCE.md §5): Adam lr 1e-3 at a constant rate, 50 epochs, batch 16, relative MSE,
     * selection by MAPE on a validation set.
     */
    public static TrainConfig nnlp() {
        return new TrainConfig(50, 16, 1024, 1e-3f, 0, 0f, 0f, 1234, 1, SelectionMetric.MAPE,
                SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, true, Schedule.CONSTANT);
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule);
    }

    public TrainConfig withLearningRate(float newLearningRate) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, newLearningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                newSeed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule);
    }

    public TrainConfig withShowProgress(boolean show) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, show, schedule);
    }

    public TrainConfig withSelectionSet(SelectionSet set) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, set, windowBatches, showProgress, schedule);
    }

    /** Whether steps carry augmented pairs (the consistency loss is on). */
    public boolean usesAugmentation() {
        return lambdaCons > 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
