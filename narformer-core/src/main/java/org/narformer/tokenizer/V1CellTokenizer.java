package org.narformer.tokenizer;

import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.graph.NetworkGraph;

/**
 * NAR-Former (V1)'s tokenizer for NAS-Bench cells ({@code model/model.py: tokenizer}, {@code embed_type='nerf'}):
 * node i's token is {@code [PE_x(op code) | PE_p(i) | PE_r(source)]}, where the source code is the float32 sum,
 * in ascending order, of {@code PE_r(j)} over the predecessors j of i, and {@code PE_r(−1)} for node 0. An end
 * token whose three parts are all {@code PE(1e5)} is appended. Encodings use torch float32 frequencies
 * ({@link NerfEncoding#torch(int)}).
 *
 * <p>Shapes: tokens {@code [(n+1) × 192]}; adjacency {@code [(n+1) × (n+1)]}, the cell's symmetric adjacency
 * with the end token unconnected (V1's transformer does not use it: topology is in the source codes); no
 * static features. The depth token the model prepends is {@link #depthEncoding(int)}.
 *
 * <p>Numerics: torch float32 throughout (frequencies, products, SLEEF sine and cosine, float32 sums); checked bit
 * for bit against the official tokenizer under torch 1.13.1.
 */
public final class V1CellTokenizer implements V1Tokenizer {
    /** The scalar encoded in all three parts of the end token. */
    public static final double END_TOKEN_VALUE = 1e5;

    private final CellSpace space;
    private final V1CellTokenizerConfig config;
    private final NerfEncoding encoding;
    private final NerfEncoding depth;

    public V1CellTokenizer(CellSpace space, V1CellTokenizerConfig config) {
        this.space = space;
        this.config = config;
        this.encoding = NerfEncoding.torch(config.opFrequencies());
        this.depth = NerfEncoding.torch(config.depthFrequencies());
    }

    /** The tokenizer of the official scripts for {@code space}. */
    public static V1CellTokenizer of(CellSpace space) {
        return new V1CellTokenizer(space, V1CellTokenizerConfig.defaults());
    }

    public V1CellTokenizerConfig config() {
        return config;
    }

    /** The cell space whose operations this tokenizer encodes. */
    public CellSpace space() {
        return space;
    }

    @Override
    public int tokenDim() {
        return config.tokenDim();
    }

    /** Cells have no static features: 0. */
    @Override
    public int staticDim() {
        return 0;
    }

    /**
     * Tokenizes a cell graph (op types of {@link #space}, topological order, every node but the first with a
     * predecessor, as in every pruned cell).
     *
     * @throws BadInputException naming the graph and node for an unknown op or a node without predecessor
     */
    @Override
    public TokenizedGraph tokenize(NetworkGraph graph) {
        int[] codes = space.opCodes(graph);
        int n = codes.length;
        int dim = config.tokenDim();
        int part = encoding.dim();
        float[] tokens = new float[(n + 1) * dim];
        float[] pe = new float[part];
        for (int i = 0; i < n; i++) {
            int row = i * dim;
            encoding.encode(codes[i], tokens, row);
            encoding.encode(i, tokens, row + part);
            int src = row + 2 * part;
            if (i == 0) {
                encoding.encode(-1, tokens, src);
                continue;
            }
            int[] preds = graph.predecessors(i);
            if (preds.length == 0) {
                throw new BadInputException(graph.name(), "node '" + graph.node(i).name() + "'",
                        "no predecessor: NAR-Former V1 encodes only cells whose nodes all descend from the input"
                                + " (prune the cell first)");
            }
            encoding.encode(preds[0], tokens, src);
            for (int p = 1; p < preds.length; p++) {
                encoding.encode(preds[p], pe, 0);
                for (int c = 0; c < part; c++) {
                    tokens[src + c] += pe[c];
                }
            }
        }
        return V1Tokenizer.endSequence(n, dim, tokens, encoding.encode(END_TOKEN_VALUE), graph.symmetricAdjacency(),
                new float[0]);
    }

    /**
     * The depth-token input ({@code --use_extra_token}): the nerf encoding of the cell's node count {@code n}
     * (the token sequence length without the end token) with 96 torch frequencies, {@code [192]}. The model
     * applies {@code ReLU(Linear(192→192))} to it and prepends the result.
     */
    @Override
    public float[] depthEncoding(int nodeCount) {
        return depth.encode(nodeCount);
    }
}
