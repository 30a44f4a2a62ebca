package org.narformer.tokenizer;

/**
 * A NAR-Former (V1) tokenizer: its sequences end with an end token, and the model adds a depth token computed from
 * the number of nodes ({@link #depthEncoding}). Implemented for cells ({@link V1CellTokenizer}) and whole networks
 * ({@link V1NetworkTokenizer}).
 */
public interface V1Tokenizer extends GraphTokenizer {
    /** The depth-token input for a graph of {@code nodeCount} nodes (end token not counted), {@code [tokenDim]}. */
    float[] depthEncoding(int nodeCount);

    /**
     * Ends a V1 sequence: fills token row {@code n} of {@code tokens} ({@code [(n+1) × dim]}) with copies of
     * {@code endCode} (the encoding of the end value; {@code dim} a multiple of its length) and pads the graph's
     * {@code [n × n]} symmetric {@code adjacency} with the end token, unconnected.
     */
    static TokenizedGraph endSequence(int n, int dim, float[] tokens, float[] endCode, boolean[] adjacency,
                                      float[] staticFeatures) {
        for (int at = n * dim; at < (n + 1) * dim; at += endCode.length) {
            System.arraycopy(endCode, 0, tokens, at, endCode.length);
        }
        boolean[] padded = new boolean[(n + 1) * (n + 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(adjacency, i * n, padded, i * (n + 1), n);
        }
        return new TokenizedGraph(n + 1, dim, tokens, padded, staticFeatures);
    }
}
