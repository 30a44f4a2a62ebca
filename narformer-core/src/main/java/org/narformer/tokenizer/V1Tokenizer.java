package org.narformer.tokenizer;

/**
 * A NAR-Former (V1) tokenizer: its sequences end with an end token, and the model adds a depth token computed from
 * the number of nodes ({@link #depthEncoding}). Implemented for cells ({@link V1CellTokenizer}) and whole networks
 * ({@link V1NetworkTokenizer}).
 */
public interface V1Tokenizer extends GraphTokenizer {
    /** The depth-token input for a graph of {@code nodeCount} nodes (end token not counted), {@code [tokenDim]}. */
    float[] depthEncoding(int nodeCount);
}
