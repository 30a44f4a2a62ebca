package org.narformer.tokenizer;

/**
 * Hyper-parameters of the NAR-Former (V1) cell tokenizer. The frequencies are torch float32
 * {@code linspace} values, tabulated for the official 32 only (see {@link NerfEncoding#torch(int)}).
 *
 * @param opFrequencies       op-code encoding, {@code --multires_x} (32)
 * @param sourceFrequencies   summed-predecessor ("source") encoding, {@code --multires_r} (32)
 * @param positionFrequencies self-position encoding, {@code --multires_p} (32)
 */
public record V1CellTokenizerConfig(int opFrequencies, int sourceFrequencies, int positionFrequencies) {
    public V1CellTokenizerConfig {
        if (opFrequencies != 32 || sourceFrequencies != 32 || positionFrequencies != 32) {
            throw new IllegalArgumentException("only the official 32/32/32 frequencies are supported, got "
                    + opFrequencies + "/" + sourceFrequencies + "/" + positionFrequencies);
        }
    }

    /** The official NAS-Bench scripts: 32, 32, 32, giving 192-d tokens. */
    public static V1CellTokenizerConfig defaults() {
        return new V1CellTokenizerConfig(32, 32, 32);
    }

    /** Token width, 2·(x + r + p) = 192. */
    public int tokenDim() {
        return 2 * (opFrequencies + sourceFrequencies + positionFrequencies);
    }

    /** Frequencies of the depth-token encoding, x + r + p = 96 (its PE is {@link #tokenDim()} wide). */
    public int depthFrequencies() {
        return opFrequencies + sourceFrequencies + positionFrequencies;
    }
}
