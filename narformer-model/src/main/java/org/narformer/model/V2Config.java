package org.narformer.model;

/**
 * Hyper-parameters of the NAR-Former V2 network (REFERENCE.md §4.5). Each field names the flag or
 * constant of the reference implementation ({@code predictor/main.py}, {@code predictor/model.py}).
 *
 * @param tokenDim       width of one input token; {@code --num_node_features} (152 NNLQP, 128 NAS-Bench)
 * @param hiddenDim      attention / FFN width d; {@code --hidden_size} (512); also {@code fc_hidden}
 * @param layers         number of graph-aided attention layers; {@code --n_attned_gnn} (2 NNLQP, 6 NAS-Bench)
 * @param ffnRatio       FFN expansion; {@code --ffn_ratio} (4)
 * @param groups         groups of the grouped linear transforms; {@code num_groups=8} in
 *                       {@code GroupedFeedForward} (not a flag)
 * @param dropout        every dropout rate; hard-coded {@code p=0.05}
 * @param layerScaleInit initial FFN layer scale γ; {@code init_values=1e-4}
 * @param useDegree      degree gate {@code x ⊙ σ(W_d·deg + b_d)}; {@code --use_degree} (on in all scripts)
 * @param readout        graph readout; chosen by {@code --dataset} (see {@link Readout})
 * @param staticDim      static-feature width for {@link Readout#SUM_WITH_STATIC}; {@code nn.Linear(40, ...)}
 *                       under {@code --norm_sf}; 0 for {@link Readout#LAYER_MEAN_FUSION}
 * @param layerKind      what each graph layer is: V2's attention + FFN, or NNLP's GraphSAGE mean layer (the
 *                       NNLQP baseline shares everything else: sum readout, static projection, head, loss);
 *                       null (checkpoints written before it existed) reads as {@link LayerKind#NARFORMER_V2}
 * @param outputs        width D of the head's last layer {@code Linear(d → D)}: one target (the reference) or D
 *                       (one output per device of a multi-device latency model); 0 (checkpoints written before it
 *                       existed) reads as 1
 * @param outputScale    a fixed factor on the head's output {@code s · softplus(−z)}: 1 is the reference; a typical
 *                       target (e.g. the mean training latency) lets the network start at the right order of
 *                       magnitude, since the relative loss {@code pred / y} does not rescale targets itself; not
 *                       trained; 0 (checkpoints written before it existed) reads as 1
 */
public record V2Config(int tokenDim, int hiddenDim, int layers, int ffnRatio, int groups, float dropout,
                       float layerScaleInit, boolean useDegree, Readout readout, int staticDim, LayerKind layerKind,
                       int outputs, float outputScale) {
    public V2Config {
        layerKind = layerKind == null ? LayerKind.NARFORMER_V2 : layerKind;
        outputs = outputs == 0 ? 1 : outputs;
        outputScale = outputScale == 0 ? 1 : outputScale;
        require(outputs > 0, "outputs must be positive: " + outputs);
        require(outputScale > 0 && Float.isFinite(outputScale), "outputScale must be positive: " + outputScale);
        require(layerKind == LayerKind.NARFORMER_V2 || !useDegree && readout == Readout.SUM_WITH_STATIC,
                "an NNLP network has no degree gate and reads out by sum with static features");
        require(tokenDim > 0, "tokenDim must be positive: " + tokenDim);
        require(hiddenDim > 0, "hiddenDim must be positive: " + hiddenDim);
        require(layers > 0, "layers must be positive: " + layers);
        require(ffnRatio > 0, "ffnRatio must be positive: " + ffnRatio);
        require(groups > 0 && hiddenDim % groups == 0,
                "hiddenDim " + hiddenDim + " must be divisible by groups " + groups);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
        require(layerScaleInit > 0, "layerScaleInit must be positive: " + layerScaleInit);
        if (readout == null) {
            throw new IllegalArgumentException("readout is required");
        }
        require(readout == Readout.SUM_WITH_STATIC ? staticDim > 0 : staticDim == 0,
                "staticDim " + staticDim + " does not fit readout " + readout);
        require(readout != Readout.LAYER_MEAN_FUSION || (layers * hiddenDim) % 4 == 0,
                "layers*hiddenDim must be divisible by 4 for the fusion MLP");
    }

    /** A network with one output. */
    public V2Config(int tokenDim, int hiddenDim, int layers, int ffnRatio, int groups, float dropout,
                    float layerScaleInit, boolean useDegree, Readout readout, int staticDim, LayerKind layerKind) {
        this(tokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree, readout, staticDim,
                layerKind, 1, 1);
    }

    /** A NAR-Former V2 network ({@link LayerKind#NARFORMER_V2}) with one output. */
    public V2Config(int tokenDim, int hiddenDim, int layers, int ffnRatio, int groups, float dropout,
                    float layerScaleInit, boolean useDegree, Readout readout, int staticDim) {
        this(tokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree, readout, staticDim,
                LayerKind.NARFORMER_V2);
    }

    /** The reference defaults: {@code argparse} defaults with {@code --dataset nnlqp} = {@link #nnlqp()}. */
    public static V2Config defaults() {
        return nnlqp();
    }

    /** Whole-network latency (NNLQP scripts): 2 layers, d 512, 152-d tokens, 40 static features. */
    public static V2Config nnlqp() {
        return new V2Config(152, 512, 2, 4, 8, 0.05f, 1e-4f, true, Readout.SUM_WITH_STATIC, 40);
    }

    /**
     * The NNLP baseline of NNLQP ({@code predictor/model.py}, REFERENCE.md §5): 2 GraphSAGE-mean layers, d 512,
     * 44-d node features, 4 raw static features, the same head; 1,360,897 parameters. The FFN fields are unused.
     */
    public static V2Config nnlp() {
        return new V2Config(44, 512, 2, 4, 8, 0.05f, 1e-4f, false, Readout.SUM_WITH_STATIC, 4, LayerKind.NNLP);
    }

    /** Cell accuracy (NAS-Bench-201 script): 6 layers, d 512, 128-d tokens, per-layer mean fusion. */
    public static V2Config nasBench() {
        return new V2Config(128, 512, 6, 4, 8, 0.05f, 1e-4f, true, Readout.LAYER_MEAN_FUSION, 0);
    }

    /** A copy with another token width. */
    public V2Config withTokenDim(int newTokenDim) {
        return new V2Config(newTokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree,
                readout, staticDim, layerKind, outputs, outputScale);
    }

    /** A copy with another depth and width (small models for tests and quick experiments). */
    public V2Config withSize(int newLayers, int newHiddenDim) {
        return new V2Config(tokenDim, newHiddenDim, newLayers, ffnRatio, groups, dropout, layerScaleInit, useDegree,
                readout, staticDim, layerKind, outputs, outputScale);
    }

    /** A copy whose static features are {@code newStaticDim} wide (see {@link #staticDim()}). */
    public V2Config withStaticDim(int newStaticDim) {
        return new V2Config(tokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree,
                readout, newStaticDim, layerKind, outputs, outputScale);
    }

    /** A copy whose head has {@code newOutputs} outputs (one per device of a multi-device model). */
    public V2Config withOutputs(int newOutputs) {
        return new V2Config(tokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree,
                readout, staticDim, layerKind, newOutputs, outputScale);
    }

    /** A copy whose output is multiplied by {@code scale} (see {@link #outputScale()}). */
    public V2Config withOutputScale(float scale) {
        return new V2Config(tokenDim, hiddenDim, layers, ffnRatio, groups, dropout, layerScaleInit, useDegree,
                readout, staticDim, layerKind, outputs, scale);
    }

    /** FFN hidden width {@code ffnRatio · hiddenDim}. */
    public int ffnDim() {
        return ffnRatio * hiddenDim;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
