package org.narformer.tokenizer;

import org.narformer.graph.NetworkGraph;

/**
 * NAR-Former V2's whole-network tokenizer ({@code embed_type=trans}; V2 {@code feature/node_feature.py},
 * {@code other_feature.py}).
 *
 * <p>Token, 152 dims: {@code [op one-hot 32 | attributes 80 | output shape 40]} (212 with
 * {@link NetworkTokenizerConfig#fullTuples()}: attributes 140).
 * <ul>
 *   <li>One-hot at {@code code−1} of {@link NnlqpOpTable}; zeros for {@code Input} and unknown operators.</li>
 *   <li>Attributes: the operator's list ({@link NnlqpOpTable#attributes}) encoded with {@link SinusoidEncoding},
 *       10 dims per value ({@code perm}: 8 values function-major, 80 dims), right-padded with real zeros.</li>
 *   <li>Output shape: 4 dims (zero-padded/truncated), each encoded, so padding becomes {@code PE(0)}.</li>
 * </ul>
 * Static features, 40 dims: {@code PE} of {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}, each value
 * rounded to float32 first. Adjacency: {@link NetworkGraph#symmetricAdjacency()}.
 */
public final class WholeNetworkTokenizer extends NodeFeatureTokenizer {
    /** Reference token width: 32 + 8·10 + 4·10. */
    public static final int TOKEN_DIM = 152;
    /** Static-feature width: 4·10. */
    public static final int STATIC_DIM = 4 * SinusoidEncoding.DIM;

    public WholeNetworkTokenizer(NetworkTokenizerConfig config) {
        super(config, SinusoidEncoding.DIM);
    }

    @Override
    void encodeAttribute(NnlqpOpTable.Attribute a, float[] values, int length, float[] tokens, int at) {
        SinusoidEncoding.encodeTuple(values, length, tokens, at);
    }

    @Override
    void encodeShapeDim(int d, float dim, float[] tokens, int at) {
        SinusoidEncoding.encode(dim, tokens, at);
    }

    @Override
    float[] encodeStatic(float[] raw) {
        float[] out = new float[STATIC_DIM];
        for (int k = 0; k < raw.length; k++) {
            SinusoidEncoding.encode(raw[k], out, k * SinusoidEncoding.DIM);
        }
        return out;
    }

    @Override
    int scalarWidth() {
        return SinusoidEncoding.DIM;
    }

    @Override
    public int staticDim() {
        return STATIC_DIM;
    }
}
