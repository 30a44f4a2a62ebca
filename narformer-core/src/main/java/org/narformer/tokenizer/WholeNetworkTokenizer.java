package org.narformer.tokenizer;

import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.onnx.StaticFeatureCalculator;

/**
 * NAR-Former V2's whole-network tokenizer ({@code embed_type=trans}; V2 {@code feature/node_feature.py},
 * {@code other_feature.py}).
 *
 * <p>Token, 152 dims: {@code [op one-hot 32 | attributes 80 | output shape 40]}.
 * <ul>
 *   <li>One-hot at {@code code−1} of {@link NnlqpOpTable}; zeros for {@code Input} and unknown operators.</li>
 *   <li>Attributes: the operator's list ({@link NnlqpOpTable#attributes}) encoded with {@link SinusoidEncoding},
 *       10 dims per value ({@code perm}: 8 values function-major, 80 dims), right-padded with real zeros.</li>
 *   <li>Output shape: 4 dims (zero-padded/truncated), each encoded, so padding becomes {@code PE(0)}.</li>
 * </ul>
 * Static features, 40 dims: {@code PE} of {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}, each value
 * rounded to float32 first. Adjacency: {@link NetworkGraph#symmetricAdjacency()}.
 */
public final class WholeNetworkTokenizer implements GraphTokenizer {
    /** Token width: 32 + 8·10 + 4·10. */
    public static final int TOKEN_DIM = NnlqpOpTable.ONE_HOT + NnlqpOpTable.ATTRIBUTE_SLOTS * SinusoidEncoding.DIM
            + NnlqpOpTable.SHAPE_DIMS * SinusoidEncoding.DIM;
    /** Static-feature width: 4·10. */
    public static final int STATIC_DIM = 4 * SinusoidEncoding.DIM;

    private static final int ATTRIBUTE_OFFSET = NnlqpOpTable.ONE_HOT;
    private static final int SHAPE_OFFSET = ATTRIBUTE_OFFSET + NnlqpOpTable.ATTRIBUTE_SLOTS * SinusoidEncoding.DIM;

    private final NetworkTokenizerConfig config;
    private final StaticFeatureCalculator staticFeatures;

    public WholeNetworkTokenizer(NetworkTokenizerConfig config) {
        this.config = config;
        this.staticFeatures = new StaticFeatureCalculator(config.staticFeatureMode());
    }

    public NetworkTokenizerConfig config() {
        return config;
    }

    @Override
    public TokenizedGraph tokenize(NetworkGraph graph) {
        int n = graph.nodeCount();
        float[] tokens = new float[n * TOKEN_DIM];
        float[] values = new float[NnlqpOpTable.ATTRIBUTE_SLOTS];
        float[] dims = new float[NnlqpOpTable.SHAPE_DIMS];
        for (int i = 0; i < n; i++) {
            Node node = graph.node(i);
            int base = i * TOKEN_DIM;
            int code = NnlqpOpTable.code(node.opType(), config.recogniseMatMul());
            if (code > 0) {
                tokens[base + code - 1] = 1f;
            }
            int at = base + ATTRIBUTE_OFFSET;
            for (NnlqpOpTable.Attribute a : NnlqpOpTable.attributes(node.opType())) {
                NnlqpOpTable.values(graph.name(), node, a, values, 0);
                SinusoidEncoding.encodeTuple(values, a.length, tokens, at);
                at += a.length * SinusoidEncoding.DIM;
            }
            NnlqpOpTable.outputDims(graph.name(), node, dims);
            for (int d = 0; d < NnlqpOpTable.SHAPE_DIMS; d++) {
                SinusoidEncoding.encode(dims[d], tokens, base + SHAPE_OFFSET + d * SinusoidEncoding.DIM);
            }
        }
        return new TokenizedGraph(n, TOKEN_DIM, tokens, graph.symmetricAdjacency(), staticVector(graph));
    }

    private float[] staticVector(NetworkGraph graph) {
        float[] raw = staticFeatures.compute(graph).scaledVector(config.batchSize());
        float[] out = new float[STATIC_DIM];
        for (int k = 0; k < raw.length; k++) {
            SinusoidEncoding.encode(raw[k], out, k * SinusoidEncoding.DIM);
        }
        return out;
    }

    @Override
    public int tokenDim() {
        return TOKEN_DIM;
    }

    @Override
    public int staticDim() {
        return STATIC_DIM;
    }
}
