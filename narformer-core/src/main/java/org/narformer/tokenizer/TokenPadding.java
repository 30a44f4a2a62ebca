package org.narformer.tokenizer;

/**
 * Zero padding of a tokenized graph to a fixed node count for batching, as the reference
 * {@code padding_for_batch} does for NAS-Bench-101 ({@code MAX_LEN = 7}): token rows beyond the graph are zeros
 * and so are the padded rows and columns of the adjacency. The model must still use only the first
 * {@code nodeCount} nodes of the unpadded graph (the reference slices {@code [:N, :N]}); keep that count.
 */
public final class TokenPadding {
    /** The reference NAS-Bench-101 padded length. */
    public static final int NB101_MAX_LEN = 7;

    private TokenPadding() {
    }

    /**
     * {@code graph} padded to {@code length} nodes: tokens {@code [length × tokenDim]}, adjacency
     * {@code [length × length]}, static features unchanged. Returns {@code graph} itself when it already has
     * {@code length} nodes.
     *
     * @throws IllegalArgumentException when the graph has more than {@code length} nodes
     */
    public static TokenizedGraph pad(TokenizedGraph graph, int length) {
        int n = graph.nodeCount();
        if (n > length) {
            throw new IllegalArgumentException("cannot pad " + n + " nodes to " + length);
        }
        if (n == length) {
            return graph;
        }
        int dim = graph.tokenDim();
        float[] tokens = new float[length * dim];
        System.arraycopy(graph.tokens(), 0, tokens, 0, n * dim);
        boolean[] adjacency = new boolean[length * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(graph.adjacency(), i * n, adjacency, i * length, n);
        }
        return new TokenizedGraph(length, dim, tokens, adjacency, graph.staticFeatures());
    }
}
