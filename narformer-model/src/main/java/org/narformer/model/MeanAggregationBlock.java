package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One GraphSAGE layer as PyG's {@code SAGEConv(in, out, normalize=True)} computes it for NNLP (REFERENCE.md §5):
 * {@code h_i = W_l · mean_{j ∈ N(i)} x_j + b + W_r · x_i}, then L2 normalisation. A node without neighbours
 * aggregates 0 (PyG's scatter-mean of nothing).
 *
 * <p>Input {@code (x [B, n, in], adjacency [B, n, n])}, adjacency 0/1, symmetric, zero rows and columns on padded
 * nodes (so padding never reaches real nodes). Output {@code [B, n, out]}.
 */
public final class MeanAggregationBlock extends AbstractBlock {
    private static final double NORM_EPS = 1e-12;

    private final int inDim;
    private final int outDim;
    private final Linear neighbour;
    private final Linear root;

    public MeanAggregationBlock(int inDim, int outDim) {
        this.inDim = inDim;
        this.outDim = outDim;
        this.neighbour = addChildBlock("neighbour", ReferenceInit.pygLinear(inDim, outDim, true));
        this.root = addChildBlock("root", ReferenceInit.pygLinear(inDim, outDim, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray adjacency = inputs.get(1);
        NDArray degree = adjacency.sum(new int[] {-1}, true).maximum(1f);
        NDArray mean = adjacency.batchMatMul(x).divi(degree);
        NDArray h = neighbour.forward(ps, new NDList(mean), training).singletonOrThrow()
                .addi(root.forward(ps, new NDList(x), training).singletonOrThrow());
        return new NDList(h.normalize(2, -1, NORM_EPS));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, inDim);
        neighbour.initialize(manager, dataType, in);
        root.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), outDim)};
    }
}
