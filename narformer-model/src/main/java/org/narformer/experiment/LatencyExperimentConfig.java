package org.narformer.experiment;

import org.narformer.model.V1Config;
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
 * @param v2Static           V2's static features: the reference's sinusoids, or the sinusoids followed by the raw
 *                           values NNLP reads; null reads as the reference
 * @param v1Width            V1's model width: the reference's 960 (0 reads as 960), or a CPU size reached through an
 *                           input projection ({@link V1Config#withModelWidth}, not in the reference); V1 keeps its
 *                           own depth (6 encoder blocks, 3 fusion stages), so {@code hiddenDim} and {@code layers}
 *                           do not apply to it
 */
public record LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                      double validationFraction, OutputScale outputScale,
                                      TrainConfig.Objective objective, V2Static v2Static, int v1Width) {
    /** V1's widths are multiples of this: divisible by its 6 heads, and {@code width + 256} by 8. */
    public static final int V1_WIDTH_STEP = 24;

    /** How the graph models' fixed output factor is chosen. */
    public enum OutputScale {
        /** 1: the network's softplus output is the latency in ms (the reference). */
        REFERENCE,
        /** The mean latency of the fold's training networks: the network starts at the right order of magnitude. */
        TRAIN_MEAN
    }

    /** The static features V2's readout adds to the sum of its node features. */
    public enum V2Static {
        /** {@code PE} of {@code [batch, GFLOPs, Gparams, Gmemory access]}, 40 values (the reference). */
        REFERENCE,
        /**
         * The 40 sinusoids followed by the 4 raw values (NNLP's static vector), 44 values: not in the reference.
         * The sinusoids are bounded and periodic, so a network with more FLOPs than any training network gets an
         * arbitrary code; the raw values reach the head linearly and let the model extrapolate as NNLP does.
         */
        WITH_RAW
    }

    /** A configuration with the reference output scale. */
    public LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                   double validationFraction) {
        this(epochs, hiddenDim, layers, seeds, seed, validationFraction, OutputScale.REFERENCE,
                TrainConfig.Objective.RELATIVE_MSE, V2Static.REFERENCE, 0);
    }

    public LatencyExperimentConfig {
        outputScale = outputScale == null ? OutputScale.REFERENCE : outputScale;
        objective = objective == null ? TrainConfig.Objective.RELATIVE_MSE : objective;
        v2Static = v2Static == null ? V2Static.REFERENCE : v2Static;
        v1Width = v1Width == 0 ? V1Config.nnlqp().dModel() : v1Width;
        if (v1Width < 0 || v1Width % V1_WIDTH_STEP != 0) {
            throw new IllegalArgumentException("V1's width must be a positive multiple of " + V1_WIDTH_STEP
                    + " (6 heads, and with its 256 static features a multiple of 8): " + v1Width);
        }
        if (epochs < 1 || hiddenDim < 8 || hiddenDim % 8 != 0 || layers < 1 || seeds < 1) {
            throw new IllegalArgumentException("epochs, layers and seeds must be positive and the width a multiple "
                    + "of 8: " + epochs + ", " + layers + ", " + seeds + ", " + hiddenDim);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1): " + validationFraction);
        }
    }

    /** V1's network configuration: the reference's whole-network variant at {@link #v1Width()}. */
    public V1Config v1() {
        return V1Config.nnlqp().withModelWidth(v1Width);
    }

    /** The reference sizes: 50 epochs, d 512, 2 layers (V1 960); one seed; 10 % validation. */
    public static LatencyExperimentConfig reference() {
        return new LatencyExperimentConfig(50, 512, 2, 1, 1234, 0.1);
    }
}
