package org.narformer.tokenizer;

import java.util.Arrays;

/**
 * What every tokenizer produces and every model consumes: one token per node, the symmetric adjacency, and
 * the graph-level static features.
 *
 * <p>Shapes: {@code tokens} is {@code [nodeCount × tokenDim]} row-major; {@code adjacency} is
 * {@code [nodeCount × nodeCount]} row-major, symmetric, no self-loops; {@code staticFeatures} is
 * {@code [staticDim]} (empty for cells). Arrays are shared, not copied, for speed: treat them as read-only.
 *
 * @param nodeCount      number of nodes (tokens)
 * @param tokenDim       width of one token
 * @param tokens         token matrix, {@code nodeCount × tokenDim}
 * @param adjacency      symmetric 0/1 adjacency, {@code nodeCount × nodeCount}
 * @param staticFeatures graph-level features, {@code staticDim} (may be empty)
 */
public record TokenizedGraph(int nodeCount, int tokenDim, float[] tokens, boolean[] adjacency,
                             float[] staticFeatures) {
    public TokenizedGraph {
        if (tokens.length != nodeCount * tokenDim) {
            throw new IllegalArgumentException("tokens: expected " + nodeCount + "x" + tokenDim + " values, got "
                    + tokens.length);
        }
        if (adjacency.length != nodeCount * nodeCount) {
            throw new IllegalArgumentException("adjacency: expected " + nodeCount + "x" + nodeCount + " values, got "
                    + adjacency.length);
        }
    }

    /** Token value at (node, feature). */
    public float token(int node, int feature) {
        return tokens[node * tokenDim + feature];
    }

    public boolean adjacent(int i, int j) {
        return adjacency[i * nodeCount + j];
    }

    /** Degree of node {@code i} in the symmetric adjacency. */
    public int degree(int i) {
        int d = 0;
        for (int j = 0; j < nodeCount; j++) {
            if (adjacency[i * nodeCount + j]) {
                d++;
            }
        }
        return d;
    }

    public int staticDim() {
        return staticFeatures.length;
    }

    /**
     * This graph with {@code extra} appended to its static features ({@code [staticDim + extra.length]}); the token
     * and adjacency arrays are shared.
     */
    public TokenizedGraph withStaticAppended(float[] extra) {
        float[] both = Arrays.copyOf(staticFeatures, staticFeatures.length + extra.length);
        System.arraycopy(extra, 0, both, staticFeatures.length, extra.length);
        return new TokenizedGraph(nodeCount, tokenDim, tokens, adjacency, both);
    }
}
