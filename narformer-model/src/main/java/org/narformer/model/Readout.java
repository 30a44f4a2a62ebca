package org.narformer.model;

/**
 * How node features become one graph vector (REFERENCE.md §4.2). The reference picks it from
 * {@code --dataset}: {@code nnlqp} → {@link #SUM_WITH_STATIC}, {@code nasbench101|nasbench201} →
 * {@link #LAYER_MEAN_FUSION}.
 */
public enum Readout {
    /**
     * Whole networks: sum over nodes of the last layer ({@code reduce_func='sum'}), concatenated with the
     * static-feature projection {@code ReLU(Dropout(Linear(staticDim→d)(sf)))} ({@code --norm_sf}).
     * Head input width 2d.
     */
    SUM_WITH_STATIC,
    /**
     * Cells: the node mean after every layer, fused by sigmoid layer weights from a two-layer MLP over their
     * concatenation. Head input width d; no static features.
     */
    LAYER_MEAN_FUSION
}
