package org.narformer.train;

/**
 * Training settings of NAR-Former (V1) on NAS-Bench cells (REFERENCE.md §6.3; {@code config.py},
 * {@code utils/initialization.py}, the {@code experiment/*} scripts). Each field names the reference flag.
 *
 * @param epochs            passes over the training set; {@code --max_epoch} (4000 NB201, 6000 NB101)
 * @param batchSize         training batch (originals; the augmented twins double it); {@code --batch_size} (128)
 * @param evalBatchSize     inference batch for validation (any value gives the same predictions)
 * @param learningRate      AdamW peak rate; {@code --learning_rate} (1e-4)
 * @param warmupRate        share of all iterations in linear warm-up, then linear decay to 0;
 *                          {@code warm_step=0.1} of {@code init_optim}
 * @param weightDecay       AdamW decoupled decay; {@code --weight_decay} (0.01), eps 1e-8 ({@code --adam_epsilon})
 * @param decayExemption    which parameters are not decayed (see {@link DecayExemption})
 * @param lambdaMse         weight of the MSE loss; {@code --lambda_mse} (1.0)
 * @param lambdaDiff        weight of the pairwise-difference L1 loss; {@code --lambda_diff} (0.1)
 * @param lambdaConsistency weight of the architecture-consistency L1 loss; {@code --lambda_consistency} (0.5 in
 *                          the {@code _aug} scripts); positive means every batch carries the augmented twins
 * @param emaDecay          decay of the weight EMA ({@code --model_ema --model_ema_decay 0.99}); 0 = no EMA
 * @param seed              seed of initialisation, dropout and batch order
 */
public record V1TrainConfig(int epochs, int batchSize, int evalBatchSize, float learningRate, double warmupRate,
                            float weightDecay, DecayExemption decayExemption, float lambdaMse, float lambdaDiff,
                            float lambdaConsistency, float emaDecay, long seed) {
    /** Parameters left out of weight decay. */
    public enum DecayExemption {
        /**
         * Reference-compatible: the reference exempts names containing {@code "bias"} or {@code
         * "LayerNorm.weight"}, but V1's LayerNorms are named {@code norm*}, so only biases (LayerNorm biases
         * included) escape decay; LayerNorm weights and learned queries are decayed.
         */
        REFERENCE_BIASES_ONLY,
        /** Corrected: biases and LayerNorm weights are not decayed, as the reference code intends. */
        BIASES_AND_NORM_WEIGHTS
    }

    public V1TrainConfig {
        require(epochs > 0, "epochs must be positive: " + epochs);
        require(batchSize > 0 && evalBatchSize > 0, "batch sizes must be positive");
        require(learningRate > 0, "learningRate must be positive: " + learningRate);
        require(warmupRate >= 0 && warmupRate <= 1, "warmupRate must be in [0, 1]: " + warmupRate);
        require(weightDecay >= 0, "weightDecay must be non-negative: " + weightDecay);
        require(decayExemption != null, "decayExemption is required");
        require(lambdaMse >= 0 && lambdaDiff >= 0 && lambdaConsistency >= 0, "loss weights must be non-negative");
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay must be in [0, 1): " + emaDecay);
    }

    /** The NAS-Bench-201 {@code _aug} scripts: 4000 epochs, batch 128, lr 1e-4, wd 0.01, λ 1/0.1/0.5, EMA 0.99. */
    public static V1TrainConfig defaults() {
        return new V1TrainConfig(4000, 128, 1024, 1e-4f, 0.1, 0.01f, DecayExemption.REFERENCE_BIASES_ONLY, 1f, 0.1f,
                0.5f, 0.99f, 1);
    }

    public V1TrainConfig withEpochs(int newEpochs) {
        return new V1TrainConfig(newEpochs, batchSize, evalBatchSize, learningRate, warmupRate, weightDecay,
                decayExemption, lambdaMse, lambdaDiff, lambdaConsistency, emaDecay, seed);
    }

    public V1TrainConfig withBatchSize(int newBatchSize) {
        return new V1TrainConfig(epochs, newBatchSize, evalBatchSize, learningRate, warmupRate, weightDecay,
                decayExemption, lambdaMse, lambdaDiff, lambdaConsistency, emaDecay, seed);
    }

    public V1TrainConfig withLearningRate(float newLearningRate) {
        return new V1TrainConfig(epochs, batchSize, evalBatchSize, newLearningRate, warmupRate, weightDecay,
                decayExemption, lambdaMse, lambdaDiff, lambdaConsistency, emaDecay, seed);
    }

    /** Whether batches carry the augmented twins. */
    public boolean usesAugmentation() {
        return lambdaConsistency > 0;
    }

    /** Whether the parameter named {@code name} (DJL block path) is weight-decayed. */
    public boolean decays(String name) {
        if (name.endsWith("_bias") || name.endsWith("_beta")) {
            return false;
        }
        return decayExemption == DecayExemption.REFERENCE_BIASES_ONLY || !name.endsWith("_gamma");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
