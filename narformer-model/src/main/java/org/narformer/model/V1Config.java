package org.narformer.model;

/**
 * Hyper-parameters of the NAR-Former (V1) multi-stage fusion transformer (REFERENCE.md §6.2). Each field names
 * the flag of the reference implementation ({@code config.py}); the defaults are the NAS-Bench scripts'.
 *
 * @param dModel        token and model width; {@code --graph_d_model} (192, also {@code --d_model} of the head);
 *                      must equal the tokenizer's token width (there is no input projection)
 * @param heads         attention heads; {@code --graph_n_head} (6, so 32 per head)
 * @param ffnDim        FFN hidden width; {@code --graph_d_ff} (768), ReLU ({@code --act_function relu})
 * @param dropout       dropout on attention probabilities and inside each FFN; {@code --dropout} (0.1)
 * @param encoderLayers pre-LN self-attention encoder blocks of stage 1; {@code --depths[0]} (6)
 * @param fusionStages  fusion stages after the encoder, stage s with {@code 2^(3−s)} learned queries;
 *                      {@code len(--depths) − 1} (3: 4, 2, 1 queries). Each fusion stage has depth 1
 *                      ({@code --depths 6 1 1 1}); deeper fusion stages are not supported
 * @param depthToken    prepend {@code ReLU(Linear(PE(n)))}; {@code --use_extra_token} (on in every script)
 */
public record V1Config(int dModel, int heads, int ffnDim, float dropout, int encoderLayers, int fusionStages,
                       boolean depthToken) {
    public V1Config {
        require(dModel > 0 && heads > 0 && dModel % heads == 0,
                "dModel " + dModel + " must be a positive multiple of heads " + heads);
        require(ffnDim > 0, "ffnDim must be positive: " + ffnDim);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
        require(encoderLayers > 0, "encoderLayers must be positive: " + encoderLayers);
        require(fusionStages >= 1 && fusionStages <= 3, "fusionStages must be in 1..3: " + fusionStages);
    }

    /** The NAS-Bench-101/201 scripts: d 192, 6 heads, FFN 768, dropout 0.1, depths [6,1,1,1], depth token. */
    public static V1Config defaults() {
        return new V1Config(192, 6, 768, 0.1f, 6, 3, true);
    }

    /** Learned queries of fusion stage {@code s} (1-based after the encoder): {@code 2^(3−s)}. */
    public int queries(int stage) {
        if (stage < 1 || stage > fusionStages) {
            throw new IllegalArgumentException("no fusion stage " + stage);
        }
        return 1 << (3 - stage);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
