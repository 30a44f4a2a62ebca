package org.narformer.tokenizer;

import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.onnx.StaticFeatureCalculator;

/**
 * The NNLP baseline's tokenizer (NNLQP {@code predictor/feature/node_feature.py}, {@code graph_feature.py}).
 *
 * <p>Token, 44 dims: {@code [op one-hot 32 | 8 attribute scalars | 4 output-shape scalars]}.
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
public final class NnlpTokenizer implements GraphTokenizer {
    /** Token width: 32 + 8 + 4. */
    public static final int TOKEN_DIM = NnlqpOpTable.ONE_HOT + NnlqpOpTable.ATTRIBUTE_SLOTS
            + NnlqpOpTable.SHAPE_DIMS;
    /** Static-feature width. */
    public static final int STATIC_DIM = 4;

    private static final float[] SHAPE_CENTRE = {12.25f, 286.96f, 32.62f, 31.80f};
    private static final float[] SHAPE_SCALE = {1024f, 2496f, 256f, 256f};
    private static final int ATTRIBUTE_OFFSET = NnlqpOpTable.ONE_HOT;
    private static final int SHAPE_OFFSET = ATTRIBUTE_OFFSET + NnlqpOpTable.ATTRIBUTE_SLOTS;

    private final NetworkTokenizerConfig config;
    private final StaticFeatureCalculator staticFeatures;

    public NnlpTokenizer(NetworkTokenizerConfig config) {
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
                for (int k = 0; k < a.length; k++) {
                    tokens[at++] = (values[k] - a.centre) / a.scale;
                }
            }
            NnlqpOpTable.outputDims(graph.name(), node, dims);
            for (int d = 0; d < NnlqpOpTable.SHAPE_DIMS; d++) {
                tokens[base + SHAPE_OFFSET + d] = (dims[d] - SHAPE_CENTRE[d]) / SHAPE_SCALE[d];
            }
        }
        float[] staticVector = staticFeatures.compute(graph).scaledVector(config.batchSize());
        return new TokenizedGraph(n, TOKEN_DIM, tokens, graph.symmetricAdjacency(), staticVector);
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
