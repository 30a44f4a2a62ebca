package org.narformer.model;

/**
 * What one graph layer of the shared graph → readout → head network is (REFERENCE.md §4.1 and §5).
 */
public enum LayerKind {
    /**
     * NAR-Former V2: graph-aided attention ({@link GraphAttentionBlock}) → ReLU → Dropout → grouped FFN with
     * layer scale ({@link GroupedFeedForwardBlock}).
     */
    NARFORMER_V2,
    /**
     * The NNLP baseline of NNLQP: PyG {@code SAGEConv(normalize=True)} with mean aggregation
     * ({@link MeanAggregationBlock}) → ReLU → Dropout; no degree gate, no FFN.
     */
    NNLP
}
