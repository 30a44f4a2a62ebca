package org.narformer.tokenizer;

/**
 * The NNLP baseline's tokenizer (NNLQP {@code predictor/feature/node_feature.py}, {@code graph_feature.py}).
 *
 * <p>Token, 44 dims: {@code [op one-hot 32 | 8 attribute scalars | 4 output-shape scalars]} (50 with
 * {@link NetworkTokenizerConfig#fullTuples()}: 14 attribute scalars).
 * <ul>
 *   <li>Attributes: each value normalised {@code (v − centre)/scale} with {@link NnlqpOpTable.Attribute}'s
 *       constants; {@code perm} gives 8 values and its zero padding is normalised too (−0.445); the list is
 *       right-padded with real zeros to 8.</li>
 *   <li>Shape: {@code (dims − [12.25, 286.96, 32.62, 31.80]) / [1024, 2496, 256, 256]}, dims zero-padded or
 *       truncated to 4 first.</li>
 * </ul>
 * All arithmetic in float32 as numpy does. Static features, 4 dims, raw:
 * {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}.
 */
public final class NnlpTokenizer extends NodeFeatureTokenizer {
    /** Reference token width: 32 + 8 + 4. */
    public static final int TOKEN_DIM = 44;
    /** Static-feature width. */
    public static final int STATIC_DIM = 4;

    private static final float[] SHAPE_CENTRE = {12.25f, 286.96f, 32.62f, 31.80f};
    private static final float[] SHAPE_SCALE = {1024f, 2496f, 256f, 256f};

    public NnlpTokenizer(NetworkTokenizerConfig config) {
        super(config, 1);
    }

    @Override
    void encodeAttribute(NnlqpOpTable.Attribute a, float[] values, int length, float[] tokens, int at) {
        for (int k = 0; k < length; k++) {
            tokens[at + k] = (values[k] - a.centre) / a.scale;
        }
    }

    @Override
    void encodeShapeDim(int d, float dim, float[] tokens, int at) {
        tokens[at] = (dim - SHAPE_CENTRE[d]) / SHAPE_SCALE[d];
    }

    /** NNLP feeds the static scalars raw. */
    @Override
    float[] encodeStatic(float[] raw) {
        return raw;
    }

    @Override
    int scalarWidth() {
        return 1;
    }

    @Override
    public int staticDim() {
        return STATIC_DIM;
    }
}
