package org.narformer.model;

/**
 * Hyper-parameters of the NAR-Former (V1) multi-stage fusion transformer (REFERENCE.md §6.2). Each field names
 * the flag of the reference implementation ({@code config.py}); the defaults are the NAS-Bench scripts'.
 *
 * @param dModel        model width; {@code --graph_d_model} (192, also {@code --d_model} of the head); in the
 *                      reference it is also the token width (there is no input projection)
 * @param heads         attention heads; {@code --graph_n_head} (6, so 32 per head)
 * @param ffnDim        FFN hidden width; {@code --graph_d_ff} (768), ReLU ({@code --act_function relu})
 * @param dropout       dropout on attention probabilities and inside each FFN; {@code --dropout} (0.1)
 * @param encoderLayers pre-LN self-attention encoder blocks of stage 1; {@code --depths[0]} (6)
 * @param fusionStages  fusion stages after the encoder, stage s with {@code 2^(3−s)} learned queries;
 *                      {@code len(--depths) − 1} (3: 4, 2, 1 queries). Each fusion stage has depth 1
 *                      ({@code --depths 6 1 1 1}); deeper fusion stages are not supported
 * @param depthToken    add the token {@code ReLU(Linear(PE(n)))}; {@code --use_extra_token} (on in every script)
 * @param staticDim     0 for cells (head {@code sigmoid(Linear(d→1))}); the static-feature width for whole networks
 *                      ({@code --dataset nnlqp}: 256), whose head is the MLP of {@code RegHead} on
 *                      {@code [h, static]} ({@code w = d + staticDim}: w→w→w/2→w/4→w/8→1 with floor division, ReLU and
 *                      dropout after each hidden layer, no output activation: latency in ms)
 * @param tokenDim      the tokenizer's token width; equal to {@code dModel} in the reference (0 reads as
 *                      {@code dModel}). When it differs, a {@code Linear(tokenDim → dModel)} projects the tokens and
 *                      the depth token's input ({@link #withModelWidth}): not in the reference, a CPU-size option
 */
public record V1Config(int dModel, int heads, int ffnDim, float dropout, int encoderLayers, int fusionStages,
                       boolean depthToken, int staticDim, int tokenDim) {
    public V1Config {
        tokenDim = tokenDim == 0 ? dModel : tokenDim;
        require(tokenDim > 0, "tokenDim must be positive: " + tokenDim);
        require(dModel > 0 && heads > 0 && dModel % heads == 0,
                "dModel " + dModel + " must be a positive multiple of heads " + heads);
        require(ffnDim > 0, "ffnDim must be positive: " + ffnDim);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
        require(encoderLayers > 0, "encoderLayers must be positive: " + encoderLayers);
        require(fusionStages >= 1 && fusionStages <= 3, "fusionStages must be in 1..3: " + fusionStages);
        require(staticDim >= 0 && (staticDim == 0 || dModel + staticDim >= 8),
                "staticDim must be 0 or make the head's width dModel + staticDim at least 8: " + staticDim);
    }

    /** A configuration whose tokens have the model width (the reference: no input projection). */
    public V1Config(int dModel, int heads, int ffnDim, float dropout, int encoderLayers, int fusionStages,
                    boolean depthToken, int staticDim) {
        this(dModel, heads, ffnDim, dropout, encoderLayers, fusionStages, depthToken, staticDim, dModel);
    }

    /** A cell configuration (no static features). */
    public V1Config(int dModel, int heads, int ffnDim, float dropout, int encoderLayers, int fusionStages,
                    boolean depthToken) {
        this(dModel, heads, ffnDim, dropout, encoderLayers, fusionStages, depthToken, 0);
    }

    /** The NAS-Bench-101/201 scripts: d 192, 6 heads, FFN 768, dropout 0.1, depths [6,1,1,1], depth token. */
    public static V1Config defaults() {
        return new V1Config(192, 6, 768, 0.1f, 6, 3, true);
    }

    /**
     * The whole-network (NNLQP latency) variant, docs/V1-NNLQP-SPEC.md §2: the 960-d tokens enter unprojected, so
     * d 960, 6 heads, FFN 768, dropout 0.1, depths [6,1,1,1], depth token, 256 static features (57,492,865
     * parameters; the reference's unused {@code layer} Linear, 1,217 more, is not built).
     */
    public static V1Config nnlqp() {
        return new V1Config(960, 6, 768, 0.1f, 6, 3, true, 256);
    }

    /**
     * The same network at model width {@code width}, fed by the same tokens through an input projection
     * {@code Linear(tokenDim → width)}; the FFN width scales by {@code width / dModel} (rounded), heads, depths
     * and the head's static features stay. Not in the reference: whole-network V1 at the reference width 960
     * is a 57.5M-parameter model, too slow to train on a CPU. {@code width} must be a multiple of the heads;
     * {@code width == dModel} returns this configuration.
     */
    public V1Config withModelWidth(int width) {
        if (width == dModel) {
            return this;
        }
        int ffn = Math.max(1, Math.round((float) ffnDim * width / dModel));
        return new V1Config(width, heads, ffn, dropout, encoderLayers, fusionStages, depthToken, staticDim, tokenDim);
    }

    /** The same network with a head reading {@code staticDim} static features (whole networks only). */
    public V1Config withStaticDim(int newStaticDim) {
        return new V1Config(dModel, heads, ffnDim, dropout, encoderLayers, fusionStages, depthToken, newStaticDim,
                tokenDim);
    }

    /** Whether the tokens pass through an input projection (only off the reference, see {@link #withModelWidth}). */
    public boolean projectsInput() {
        return tokenDim != dModel;
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
