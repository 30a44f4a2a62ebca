package org.narformer.tokenizer;

import org.narformer.graph.NetworkGraph;

/**
 * Turns a {@link NetworkGraph} into a {@link TokenizedGraph}: one token per node (in the graph's topological
 * order), the symmetric adjacency, and the graph-level static features.
 */
public interface GraphTokenizer {

    /** Tokenizes {@code graph}; throws a {@code BadInputException} naming the node when it cannot. */
    TokenizedGraph tokenize(NetworkGraph graph);

    /** Width of one token. */
    int tokenDim();

    /** Width of the static-feature vector (0 when there is none). */
    int staticDim();
}
