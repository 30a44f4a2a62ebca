package org.narformer.tokenizer;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;
import org.narformer.onnx.StaticFeatureCalculator;

/**
 * NAR-Former (V1)'s whole-network tokenizer for latency prediction ({@code data_process/nnlqp/*} of the official
 * code, {@code embed_type='nerf'}; docs/V1-NNLQP-SPEC.md §1). Every scalar becomes {@code nerf32}: the V2-style
 * float32 "nerf" encoding with 32 numpy frequencies, 64 values ({@link NerfEncoding#numpy(int)}).
 *
 * <p>Token of node i (graph order), 960 values:
 * <ul>
 *   <li>op, 64: {@code nerf32(code − 1)} of the {@link NnlqpOpTable} code, zeros for {@code Input} and operators
 *       outside the table (reference: {@code MatMul} is outside, see {@link NetworkTokenizerConfig#recogniseMatMul});</li>
 *   <li>attributes, 512: one 64-value slot per attribute of the operator's list (first element of a tuple), right-
 *       padded with zeros; {@code perm} is one encoding of its 8 zero-padded values, function-major, 512 values;</li>
 *   <li>output shape, 256: {@code nerf32} of each dim (batch included), real zeros after the rank;</li>
 *   <li>source, 64: the float32 sum of {@code nerf32(p)} over the directed predecessors p; {@code nerf32(−1)} for
 *       node 0, zeros for a later node without predecessors;</li>
 *   <li>self, 64: {@code nerf32(i)}.</li>
 * </ul>
 * Then an end token, 15 copies of {@code nerf32(100000)}. Shapes: tokens {@code [(n+1) × 960]}; adjacency
 * {@code [(n+1) × (n+1)]}, the graph's symmetric adjacency with the end token unconnected (V1 does not use it:
 * topology is in the source codes); static features {@code [256]}: {@code nerf32} of {@code [batch, FLOPs/1e9,
 * params/1e9, memory access/1e9]}, followed on request by the 4 raw values ({@link #withRawStatic()}: {@code [260]},
 * not in the reference). The depth-token input is {@link #depthEncoding(int)} ({@code trans}, 480
 * frequencies, as the reference hard-codes); the model maps it and adds it to the sequence.
 *
 * <p>Shapes of rank 0 or above 4 make the reference's feature code crash; {@code lenientShapes} false
 * (reference-compatible) rejects such a network with an error naming the node, true encodes a scalar as zeros and
 * keeps the first 4 dims of a longer shape. Node order is this project's topological order (Kahn, ties by
 * insertion); the reference uses networkx's, which differs on branched graphs — V1 sees order only through the
 * self and source codes, so a model trained from scratch is unaffected.
 */
public final class V1NetworkTokenizer implements V1Tokenizer {
    /** Token width: 64 + 512 + 256 + 64 + 64. */
    public static final int TOKEN_DIM = 960;
    /** Static-feature width: 4 · 64. */
    public static final int STATIC_DIM = 256;
    /** Raw static values appended by {@link #withRawStatic()}: {@code [batch, GFLOPs, Gparams, Gmemory access]}. */
    public static final int RAW_STATIC_DIM = 4;
    /** The scalar encoded in the end token. */
    public static final double END_TOKEN_VALUE = 100000;

    private static final NerfEncoding NERF = NerfEncoding.numpy(32);
    private static final int PART = 64;
    private static final int ATTRIBUTES = PART;
    private static final int SHAPE = ATTRIBUTES + 8 * PART;
    private static final int SOURCE = SHAPE + NnlqpOpTable.SHAPE_DIMS * PART;
    private static final int SELF = SOURCE + PART;
    private static final int DEPTH_FREQUENCIES = TOKEN_DIM / 2;

    private final NetworkTokenizerConfig config;
    private final boolean lenientShapes;
    private final boolean rawStatic;
    private final StaticFeatureCalculator staticFeatures;

    /**
     * @param rawStatic append the 4 raw static values to their 256 encoded ones (not in the reference: the bounded
     *                  periodic codes cannot extrapolate to networks larger than the training ones)
     * @throws IllegalArgumentException for {@link NetworkTokenizerConfig#fullTuples()}: V1 has 8 attribute slots
     */
    public V1NetworkTokenizer(NetworkTokenizerConfig config, boolean lenientShapes, boolean rawStatic) {
        if (config.fullTuples()) {
            throw new IllegalArgumentException("V1 tokens hold 8 attribute values: full tuples do not fit");
        }
        this.config = config;
        this.lenientShapes = lenientShapes;
        this.rawStatic = rawStatic;
        this.staticFeatures = new StaticFeatureCalculator(config.staticFeatureMode());
    }

    /** The reference-compatible tokenizer at {@code batchSize}. */
    public static V1NetworkTokenizer reference(int batchSize) {
        return new V1NetworkTokenizer(NetworkTokenizerConfig.defaults().withBatchSize(batchSize), false, false);
    }

    /** The tokenizer at {@code batchSize} that encodes every network, rank-0 and rank>4 outputs included. */
    public static V1NetworkTokenizer lenient(int batchSize) {
        return new V1NetworkTokenizer(NetworkTokenizerConfig.defaults().withBatchSize(batchSize), true, false);
    }

    /** This tokenizer with the raw static values appended to the encoded ones ({@code [256 + 4]}). */
    public V1NetworkTokenizer withRawStatic() {
        return new V1NetworkTokenizer(config, lenientShapes, true);
    }

    public NetworkTokenizerConfig config() {
        return config;
    }

    public boolean lenientShapes() {
        return lenientShapes;
    }

    public boolean rawStatic() {
        return rawStatic;
    }

    @Override
    public TokenizedGraph tokenize(NetworkGraph graph) {
        int n = graph.nodeCount();
        float[] tokens = new float[(n + 1) * TOKEN_DIM];
        float[] values = new float[NnlqpOpTable.ATTRIBUTE_SLOTS];
        float[] pe = new float[PART];
        for (int i = 0; i < n; i++) {
            Node node = graph.node(i);
            int row = i * TOKEN_DIM;
            int code = NnlqpOpTable.code(node.opType(), config.recogniseMatMul());
            if (code > 0) {
                NERF.encode(code - 1, tokens, row);
            }
            int at = row + ATTRIBUTES;
            for (NnlqpOpTable.Attribute a : NnlqpOpTable.attributes(node.opType())) {
                NnlqpOpTable.values(graph.name(), node, a, false, values, 0);
                int length = a.length(false);
                NERF.encodeTuple(values, length, tokens, at);
                at += length * PART;
            }
            encodeShape(graph, node, tokens, row + SHAPE);
            if (i == 0) {
                NERF.encode(-1, tokens, row + SOURCE);
            } else {
                for (int p : graph.predecessors(i)) {
                    NERF.encode(p, pe, 0);
                    for (int c = 0; c < PART; c++) {
                        tokens[row + SOURCE + c] += pe[c];
                    }
                }
            }
            NERF.encode(i, tokens, row + SELF);
        }
        float[] raw = staticFeatures.compute(graph).scaledVector(config.batchSize());
        float[] statics = new float[STATIC_DIM];
        for (int k = 0; k < raw.length; k++) {
            NERF.encode(raw[k], statics, k * PART);
        }
        TokenizedGraph encoded = V1Tokenizer.endSequence(n, TOKEN_DIM, tokens, NERF.encode(END_TOKEN_VALUE),
                graph.symmetricAdjacency(), statics);
        return rawStatic ? encoded.withStaticAppended(raw) : encoded;
    }

    private void encodeShape(NetworkGraph graph, Node node, float[] tokens, int at) {
        TensorShape shape = node.outputShape();
        if (!shape.isKnown()) {
            throw new BadInputException(graph.name(), "node '" + node.name() + "'",
                    "output shape is not inferred; whole-network tokens need it");
        }
        int rank = shape.rank();
        if (!lenientShapes && (rank == 0 || rank > NnlqpOpTable.SHAPE_DIMS)) {
            throw new BadInputException(graph.name(), "node '" + node.name() + "'", "output of rank " + rank
                    + ": the reference V1 tokenizer encodes ranks 1 to 4 only (use lenient shapes to encode it)");
        }
        for (int d = 0; d < Math.min(rank, NnlqpOpTable.SHAPE_DIMS); d++) {
            NERF.encode(shape.dim(d), tokens, at + d * PART);
        }
    }

    /**
     * The depth-token input for a network of {@code nodeCount} nodes (end token not counted), {@code [960]}:
     * {@code [sin(n·ω_0), cos(n·ω_0), …]}, {@code ω_j = 10000^(−j/480)}, products rounded to float32, glibc's float32
     * sine and cosine (numpy's).
     */
    @Override
    public float[] depthEncoding(int nodeCount) {
        float[] out = new float[TOKEN_DIM];
        SinusoidEncoding.encode(nodeCount, DEPTH_FREQUENCIES, out, 0);
        return out;
    }

    @Override
    public int tokenDim() {
        return TOKEN_DIM;
    }

    @Override
    public int staticDim() {
        return rawStatic ? STATIC_DIM + RAW_STATIC_DIM : STATIC_DIM;
    }
}
