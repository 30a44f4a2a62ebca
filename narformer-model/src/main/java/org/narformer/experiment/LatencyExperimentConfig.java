package org.narformer.experiment;

import org.narformer.train.TrainConfig;

/**
 * How the trained methods are trained in a latency experiment. The reference (REFERENCE.md §4.5, §5) trains
 * both graph models 50 epochs at d 512, 2 layers, batch 16, lr 1e-3 (V2 with 10 % warm-up and linear decay,
 * NNLP at a constant rate); smaller {@code hiddenDim}/{@code epochs} make CPU-sized runs.
 *
 * @param epochs             training epochs
 * @param hiddenDim          width d of both graph models
 * @param layers             graph layers of both models
 * @param seeds              training runs per method and fold (seeds {@code seed, seed+1, …})
 * @param seed               first seed
 * @param validationFraction the last fraction of each training family held out for epoch selection
 * @param outputScale        the graph models' fixed output factor ({@code V2Config#outputScale}): the reference's
 *                           1, or the mean training latency of each fold
 * @param objective          the graph models' main loss term: the reference's relative MSE, or the log-ratio MSE;
 *                           null reads as the reference
 */
public record LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                      double validationFraction, OutputScale outputScale,
                                      TrainConfig.Objective objective) {
    /** How the graph models' fixed output factor is chosen. */
    public enum OutputScale {
        /** 1: the network's softplus output is the latency in ms (the reference). */
        REFERENCE,
        /** The mean latency of the fold's training networks: the network starts at the right order of magnitude. */
        TRAIN_MEAN
    }

    /** A configuration with the reference output scale. */
    public LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                   double validationFraction) {
        this(epochs, hiddenDim, layers, seeds, seed, validationFraction, OutputScale.REFERENCE,
                TrainConfig.Objective.RELATIVE_MSE);
    }

    public LatencyExperimentConfig {
        outputScale = outputScale == null ? OutputScale.REFERENCE : outputScale;
        objective = objective == null ? TrainConfig.Objective.RELATIVE_MSE : objective;
        if (epochs < 1 || hiddenDim < 8 || hiddenDim % 8 != 0 || layers < 1 || seeds < 1) {
            throw new IllegalArgumentException("epochs, layers and seeds must be positive and the width a multiple "
                    + "of 8: " + epochs + ", " + layers + ", " + seeds + ", " + hiddenDim);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1): " + validationFraction);
        }
    }

    /** The reference sizes: 50 epochs, d 512, 2 layers; one seed; 10 % validation. */
    public static LatencyExperimentConfig reference() {
        return new LatencyExperimentConfig(50, 512, 2, 1, 1234, 0.1);
    }
}
