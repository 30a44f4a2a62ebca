package org.narformer.tokenizer;

import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.onnx.StaticFeatureCalculator;

/**
 * The whole-network node features NNLQP introduced and NAR-Former V2 re-encoded: per node
 * {@code [op one-hot 32 | attribute values | 4 output-shape dims]}, per graph the static vector
 * {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}. The two tokenizers differ only in how a scalar
 * becomes numbers ({@link #scalarWidth()} values each), which the subclasses supply.
 */
abstract class NodeFeatureTokenizer implements GraphTokenizer {
    private static final int ATTRIBUTE_OFFSET = NnlqpOpTable.ONE_HOT;

    private final NetworkTokenizerConfig config;
    private final StaticFeatureCalculator staticFeatures;
    private final int shapeOffset;
    private final int tokenDim;

    NodeFeatureTokenizer(NetworkTokenizerConfig config, int scalarWidth) {
        this.config = config;
        this.staticFeatures = new StaticFeatureCalculator(config.staticFeatureMode());
        this.shapeOffset = ATTRIBUTE_OFFSET + NnlqpOpTable.attributeSlots(config.fullTuples()) * scalarWidth;
        this.tokenDim = shapeOffset + NnlqpOpTable.SHAPE_DIMS * scalarWidth;
    }

    public NetworkTokenizerConfig config() {
        return config;
    }

    /** Writes attribute {@code a}'s first {@code length} {@code values} into {@code tokens} from {@code at}. */
    abstract void encodeAttribute(NnlqpOpTable.Attribute a, float[] values, int length, float[] tokens, int at);

    /** Writes output-shape dimension number {@code d} (0..3), value {@code dim}, into {@code tokens} from {@code at}. */
    abstract void encodeShapeDim(int d, float dim, float[] tokens, int at);

    /** The static vector from the four raw scalars {@code [batch, GFLOPs, Gparams, Gmemory access]}. */
    abstract float[] encodeStatic(float[] raw);

    /** Numbers per encoded scalar (1 for NNLP's normalised values, 10 for V2's sinusoids). */
    abstract int scalarWidth();

    @Override
    public TokenizedGraph tokenize(NetworkGraph graph) {
        int n = graph.nodeCount();
        int width = scalarWidth();
        float[] tokens = new float[n * tokenDim];
        float[] values = new float[NnlqpOpTable.FULL_TUPLE_ATTRIBUTE_SLOTS];
        float[] dims = new float[NnlqpOpTable.SHAPE_DIMS];
        for (int i = 0; i < n; i++) {
            Node node = graph.node(i);
            int base = i * tokenDim;
            int code = NnlqpOpTable.code(node.opType(), config.recogniseMatMul());
            if (code > 0) {
                tokens[base + code - 1] = 1f;
            }
            int at = base + ATTRIBUTE_OFFSET;
            for (NnlqpOpTable.Attribute a : NnlqpOpTable.attributes(node.opType())) {
                int length = a.length(config.fullTuples());
                NnlqpOpTable.values(graph.name(), node, a, config.fullTuples(), values, 0);
                encodeAttribute(a, values, length, tokens, at);
                at += length * width;
            }
            NnlqpOpTable.outputDims(graph.name(), node, dims);
            for (int d = 0; d < NnlqpOpTable.SHAPE_DIMS; d++) {
                encodeShapeDim(d, dims[d], tokens, base + shapeOffset + d * width);
            }
        }
        float[] raw = staticFeatures.compute(graph).scaledVector(config.batchSize());
        return new TokenizedGraph(n, tokenDim, tokens, graph.symmetricAdjacency(), encodeStatic(raw));
    }

    @Override
    public int tokenDim() {
        return tokenDim;
    }
}
