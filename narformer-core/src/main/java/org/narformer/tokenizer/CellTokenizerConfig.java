package org.narformer.tokenizer;

/**
 * Hyper-parameters of the NAR-Former V2 cell tokenizer.
 *
 * @param opFrequencies       frequencies of the op-code encoding, {@code --multires_x} (32; token part 2·32 = 64)
 * @param positionFrequencies frequencies of the node-index encoding, {@code --multires_p} (32; token part 64)
 */
public record CellTokenizerConfig(int opFrequencies, int positionFrequencies) {
    public CellTokenizerConfig {
        if (opFrequencies < 1 || positionFrequencies < 1) {
            throw new IllegalArgumentException("frequency counts must be positive, got " + opFrequencies + " and "
                    + positionFrequencies);
        }
    }

    /** The official NAS-Bench scripts: 32 and 32, giving 128-d tokens. */
    public static CellTokenizerConfig defaults() {
        return new CellTokenizerConfig(32, 32);
    }

    /** Token width: 2·opFrequencies + 2·positionFrequencies. */
    public int tokenDim() {
        return 2 * opFrequencies + 2 * positionFrequencies;
    }
}
