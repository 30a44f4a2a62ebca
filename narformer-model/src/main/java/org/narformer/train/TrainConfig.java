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
 * @param objective       the main loss term: V2's relative MSE, or V1's plain MSE ({@code --lambda_mse 1}); null
 *                        reads as {@link Objective#RELATIVE_MSE}
 * @param weightDecay     decoupled (AdamW) weight decay; 0 = Adam (V2, NNLP); V1's {@code --weight_decay} 0.01
 * @param decayExemption  which parameters escape the weight decay; null reads as
 *                        {@link DecayExemption#REFERENCE_BIASES_ONLY}
 * @param emaDecay        decay of an exponential moving average of the weights, evaluated and selected beside the
 *                        raw network (V1's {@code --model_ema_decay} 0.99); 0 = none
 */
public record TrainConfig(int epochs, int batchSize, int evalBatchSize, float learningRate, double warmupRate,
                          float lambdaSr, float lambdaCons, long seed, int evalEvery, SelectionMetric metric,
                          SelectionSet selectionSet, int windowBatches, boolean showProgress, Schedule schedule,
                          Objective objective, float weightDecay, DecayExemption decayExemption, float emaDecay) {
    /** Learning-rate schedules. */
    public enum Schedule {
        /** HF {@code get_linear_schedule_with_warmup}, stepped per iteration ({@link LinearWarmupSchedule}). */
        WARMUP_LINEAR_DECAY,
        /** The peak rate throughout (NNLQP's NNLP training); {@code warmupRate} must be 0. */
        CONSTANT
    }

    /** The main loss term; the SR (pairwise) and consistency terms are added with their weights. */
    public enum Objective {
        /** {@code MSE(pred / y, 1)}: NAR-Former V2 and NNLP. */
        RELATIVE_MSE,
        /** {@code MSE(pred, y)}: NAR-Former V1. */
        MSE,
        /**
         * {@code MSE(ln pred, ln y)}: not in the references. Relative MSE punishes over-prediction without bound but
         * under-prediction by at most 1 per sample, so labels spanning orders of magnitude pull every prediction
         * low; the log error is symmetric in the ratio.
         */
        LOG_MSE
    }

    /** Parameters left out of weight decay (only matters when {@code weightDecay > 0}). */
    public enum DecayExemption {
        /**
         * Reference-compatible for V1: the reference exempts names containing {@code "bias"} or {@code
         * "LayerNorm.weight"}, but V1's LayerNorms are named {@code norm*}, so only biases (LayerNorm biases
         * included) escape decay; LayerNorm weights and learned queries are decayed.
         */
        REFERENCE_BIASES_ONLY,
        /** Corrected: biases and LayerNorm weights are not decayed, as the reference code intends. */
        BIASES_AND_NORM_WEIGHTS
    }

    public TrainConfig {
        schedule = schedule == null ? Schedule.WARMUP_LINEAR_DECAY : schedule;
        objective = objective == null ? Objective.RELATIVE_MSE : objective;
        decayExemption = decayExemption == null ? DecayExemption.REFERENCE_BIASES_ONLY : decayExemption;
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weightDecay must be non-negative: " + weightDecay);
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay must be in [0, 1): " + emaDecay);
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

    /** A V2 configuration: relative MSE, Adam without weight decay, no EMA. */
    public TrainConfig(int epochs, int batchSize, int evalBatchSize, float learningRate, double warmupRate,
                       float lambdaSr, float lambdaCons, long seed, int evalEvery, SelectionMetric metric,
                       SelectionSet selectionSet, int windowBatches, boolean showProgress, Schedule schedule) {
        this(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons, seed, evalEvery, metric,
                selectionSet, windowBatches, showProgress, schedule, Objective.RELATIVE_MSE, 0f,
                DecayExemption.REFERENCE_BIASES_ONLY, 0f);
    }

    /** A V2 configuration with the warm-up + linear-decay schedule. */
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

    /**
     * NAR-Former V1 on NAS-Bench-201 (the {@code _aug} scripts, REFERENCE.md §6.3): 4000 epochs, batch 128, AdamW
     * lr 1e-4 (wd 0.01, reference exemption), 10 % warm-up then linear decay, MSE + 0.1 pairwise + 0.5 consistency,
     * weight EMA 0.99, selection by validation τ.
     */
    public static TrainConfig v1NasBench() {
        return new TrainConfig(4000, 128, 1024, 1e-4f, 0.1, 0.1f, 0.5f, 1234, 1, SelectionMetric.KENDALL_TAU,
                SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, true, Schedule.WARMUP_LINEAR_DECAY,
                Objective.MSE, 0.01f, DecayExemption.REFERENCE_BIASES_ONLY, 0.99f);
    }

    /**
     * NAR-Former V1 on whole networks (docs/V1-NNLQP-SPEC.md §3; no official script, so NNLQP's recipe for what the
     * V1 code leaves open): 50 epochs, batch 16, AdamW lr 1e-3 (wd 0.01, reference exemption), 10 % warm-up then
     * linear decay, plain MSE in ms² + 0.1 pairwise, no consistency loss, weight EMA 0.99, selection by validation
     * MAPE (the reference selects by τ on the test family).
     */
    public static TrainConfig v1Nnlqp() {
        return new TrainConfig(50, 16, 1024, 1e-3f, 0.1, 0.1f, 0f, 1234, 1, SelectionMetric.MAPE,
                SelectionSet.VALIDATION, BatchPlanner.DEFAULT_WINDOW_BATCHES, true, Schedule.WARMUP_LINEAR_DECAY,
                Objective.MSE, 0.01f, DecayExemption.REFERENCE_BIASES_ONLY, 0.99f);
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective, weightDecay, decayExemption, emaDecay);
    }

    /** A copy with another main loss term. */
    public TrainConfig withObjective(Objective newObjective) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, newObjective,
                weightDecay, decayExemption, emaDecay);
    }

    /** A copy with {@code newBatchSize} graphs per step (few-shot fits with fewer samples than a batch). */
    public TrainConfig withBatchSize(int newBatchSize) {
        return new TrainConfig(epochs, newBatchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective, weightDecay,
                decayExemption, emaDecay);
    }

    /** A copy that evaluates (and may select) every {@code newEvalEvery} epochs and after the last. */
    public TrainConfig withEvalEvery(int newEvalEvery) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, newEvalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective,
                weightDecay, decayExemption, emaDecay);
    }

    public TrainConfig withLearningRate(float newLearningRate) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, newLearningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective, weightDecay, decayExemption, emaDecay);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                newSeed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective, weightDecay, decayExemption, emaDecay);
    }

    public TrainConfig withShowProgress(boolean show) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, show, schedule, objective, weightDecay, decayExemption, emaDecay);
    }

    public TrainConfig withSelectionSet(SelectionSet set) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, set, windowBatches, showProgress, schedule, objective, weightDecay, decayExemption, emaDecay);
    }

    /** This configuration with the parameters exempt from weight decay chosen by {@code exemption}. */
    public TrainConfig withDecayExemption(DecayExemption exemption) {
        return new TrainConfig(epochs, batchSize, evalBatchSize, learningRate, warmupRate, lambdaSr, lambdaCons,
                seed, evalEvery, metric, selectionSet, windowBatches, showProgress, schedule, objective, weightDecay,
                exemption, emaDecay);
    }

    /** Whether the parameter named {@code name} (DJL block path) is weight-decayed. */
    public boolean decays(String name) {
        if (weightDecay == 0 || name.endsWith("_bias") || name.endsWith("_beta")) {
            return false;
        }
        return decayExemption == DecayExemption.REFERENCE_BIASES_ONLY || !name.endsWith("_gamma");
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
