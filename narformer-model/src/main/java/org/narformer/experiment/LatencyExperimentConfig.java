package org.narformer.experiment;

import org.narformer.model.V1Config;
import org.narformer.tokenizer.V1NetworkTokenizer;
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
 * @param v1Static           V1's static features: the reference's 256 nerf codes, or the codes followed by the raw
 *                           values; null reads as the reference
 * @param v1Width            V1's model width: the reference's 960 (0 reads as 960), or a CPU size reached through an
 *                           input projection ({@link V1Config#withModelWidth}, not in the reference); V1 keeps its
 *                           own depth (6 encoder blocks, 3 fusion stages), so {@code hiddenDim} and {@code layers}
 *                           do not apply to it
 */
public record LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                      double validationFraction, OutputScale outputScale,
                                      TrainConfig.Objective objective, StaticFeatures v2Static,
                                      StaticFeatures v1Static, int v1Width) {
    /** V1's widths are multiples of this: its 6 heads. */
    public static final int V1_WIDTH_STEP = 6;

    /** How the graph models' fixed output factor is chosen. */
    public enum OutputScale {
        /** 1: the network's softplus output is the latency in ms (the reference). */
        REFERENCE,
        /** The mean latency of the fold's training networks: the network starts at the right order of magnitude. */
        TRAIN_MEAN
    }

    /** The static features a transformer's readout (V2) or head (V1) reads beside the node features. */
    public enum StaticFeatures {
        /**
         * The reference's encoding of {@code [batch, GFLOPs, Gparams, Gmemory access]}: V2's {@code PE}, 40 values;
         * V1's {@code nerf32}, 256 values.
         */
        REFERENCE,
        /**
         * The encoded values followed by the 4 raw values (NNLP's static vector), 44 (V2) or 260 (V1) values: not
         * in the reference. The encodings are bounded and periodic, so a network with more FLOPs than any training
         * network gets an arbitrary code; the raw values reach the head linearly and let the model extrapolate as
         * NNLP does.
         */
        WITH_RAW
    }

    /** A configuration with the reference output scale. */
    public LatencyExperimentConfig(int epochs, int hiddenDim, int layers, int seeds, long seed,
                                   double validationFraction) {
        this(epochs, hiddenDim, layers, seeds, seed, validationFraction, OutputScale.REFERENCE,
                TrainConfig.Objective.RELATIVE_MSE, StaticFeatures.REFERENCE, StaticFeatures.REFERENCE, 0);
    }

    public LatencyExperimentConfig {
        outputScale = outputScale == null ? OutputScale.REFERENCE : outputScale;
        objective = objective == null ? TrainConfig.Objective.RELATIVE_MSE : objective;
        v2Static = v2Static == null ? StaticFeatures.REFERENCE : v2Static;
        v1Static = v1Static == null ? StaticFeatures.REFERENCE : v1Static;
        v1Width = v1Width == 0 ? V1Config.nnlqp().dModel() : v1Width;
        if (v1Width < 0 || v1Width % V1_WIDTH_STEP != 0) {
            throw new IllegalArgumentException("V1's width must be a positive multiple of " + V1_WIDTH_STEP
                    + " (its heads): " + v1Width);
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
        return V1Config.nnlqp().withModelWidth(v1Width).withStaticDim(v1Tokenizer().staticDim());
    }

    /**
     * The whole-network tokenizer V1's checkpoints record: lenient shapes, so that every network V2 reads is read,
     * with the configured static features; at batch 1 (the dataset tokenizes each network at its own batch size,
     * the model reads only the widths and the depth input).
     */
    public V1NetworkTokenizer v1Tokenizer() {
        V1NetworkTokenizer lenient = V1NetworkTokenizer.lenient(1);
        return v1Static == StaticFeatures.WITH_RAW ? lenient.withRawStatic() : lenient;
    }

    /** The reference sizes: 50 epochs, d 512, 2 layers (V1 960); one seed; 10 % validation. */
    public static LatencyExperimentConfig reference() {
        return new LatencyExperimentConfig(50, 512, 2, 1, 1234, 0.1);
    }
}
