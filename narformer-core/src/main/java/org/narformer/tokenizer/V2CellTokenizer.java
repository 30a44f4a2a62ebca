package org.narformer.tokenizer;

import org.narformer.cells.CellSpace;
import org.narformer.graph.NetworkGraph;

/**
 * NAR-Former V2's tokenizer for NAS-Bench cells ({@code data_and_encoding_generate.tokenizer} with
 * {@code embed_type='nerf'}, {@code op_code_type='pe'}): node i's token is
 * {@code [PE(op code of node i) | PE(i)]}, both float32 "nerf" encodings with numpy frequencies
 * ({@link NerfEncoding#numpy(int)}); there is no predecessor code, the topology enters only through the
 * symmetric adjacency (A + Aᵀ, no self-loops). No static features.
 *
 * <p>Shapes: tokens {@code [n × 128]} with the default config, adjacency {@code [n × n]}. NAS-Bench-101 batches
 * pad to 7 nodes with {@link TokenPadding#pad(TokenizedGraph, int)} (the reference {@code padding_for_batch}).
 */
public final class V2CellTokenizer implements GraphTokenizer {
    private final CellSpace space;
    private final CellTokenizerConfig config;
    private final NerfEncoding opEncoding;
    private final NerfEncoding positionEncoding;

    public V2CellTokenizer(CellSpace space, CellTokenizerConfig config) {
        this.space = space;
        this.config = config;
        this.opEncoding = NerfEncoding.numpy(config.opFrequencies());
        this.positionEncoding = NerfEncoding.numpy(config.positionFrequencies());
    }

    /** The tokenizer of the official scripts for {@code space} (32 + 32 frequencies, 128-d tokens). */
    public static V2CellTokenizer of(CellSpace space) {
        return new V2CellTokenizer(space, CellTokenizerConfig.defaults());
    }

    public CellSpace space() {
        return space;
    }

    public CellTokenizerConfig config() {
        return config;
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
     * Tokenizes a cell graph whose node op types are op names of {@link #space()}, nodes in topological order.
     *
     * @throws org.narformer.BadInputException naming the graph and node for an op outside the space
     */
    @Override
    public TokenizedGraph tokenize(NetworkGraph graph) {
        int[] codes = space.opCodes(graph);
        int n = codes.length;
        int dim = config.tokenDim();
        float[] tokens = new float[n * dim];
        for (int i = 0; i < n; i++) {
            opEncoding.encode(codes[i], tokens, i * dim);
            positionEncoding.encode(i, tokens, i * dim + opEncoding.dim());
        }
        return new TokenizedGraph(n, dim, tokens, graph.symmetricAdjacency(), new float[0]);
    }
}
