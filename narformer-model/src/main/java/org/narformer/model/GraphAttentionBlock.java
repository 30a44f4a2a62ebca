package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One graph-aided attention sub-layer (REFERENCE.md §4.1 steps 1–5; {@code GNN_LinearAttn}): degree gate,
 * shared sigmoid Q/K projection, scores masked by the adjacency, sum normalisation, aggregate plus root term,
 * L2 normalisation. No value projection, no residual, one head.
 *
 * <p>Input {@code (x [B, n, in], adjacency [B, n, n])}, adjacency 0/1, symmetric, zero rows and columns on
 * padded nodes. Output {@code [B, n, out]}. Padded nodes never receive attention weight, so real nodes are
 * unaffected by padding; padded rows of the output hold junk that the readout masks out.
 */
public final class GraphAttentionBlock extends AbstractBlock {
    private static final float SUM_EPS = 1e-6f;
    private static final double NORM_EPS = 1e-12;

    private final int inDim;
    private final int outDim;
    private final Linear degree;
    private final Linear queryKey;
    private final Linear neighbour;
    private final Linear root;

    /**
     * @param inDim     input width (also the Q/K width)
     * @param outDim    output width
     * @param useDegree apply the degree gate ({@code --use_degree})
     */
    public GraphAttentionBlock(int inDim, int outDim, boolean useDegree) {
        this.inDim = inDim;
        this.outDim = outDim;
        this.degree = useDegree ? addChildBlock("degree", ReferenceInit.pygLinear(1, inDim, true)) : null;
        this.queryKey = addChildBlock("queryKey", ReferenceInit.pygLinear(inDim, inDim, true));
        this.neighbour = addChildBlock("neighbour", ReferenceInit.pygLinear(inDim, outDim, true));
        this.root = addChildBlock("root", ReferenceInit.pygLinear(inDim, outDim, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray adjacency = inputs.get(1);
        return new NDList(attend(ps, x, adjacency, training).get(0));
    }

    /**
     * The forward pass that also returns the attention matrix P {@code [B, n, n]} (for inspection and tests).
     *
     * @return {@code (h [B, n, out], P [B, n, n])}
     */
    public NDList attend(ParameterStore ps, NDArray x, NDArray adjacency, boolean training) {
        if (degree != null) {
            NDArray deg = adjacency.sum(new int[] {-1}, true);
            NDArray gate = Activation.sigmoid(degree.forward(ps, new NDList(deg), training).singletonOrThrow());
            x = x.mul(gate);
        }
        NDArray z = Activation.sigmoid(queryKey.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray scores = AutogradScalar.timesInPlace(z.batchMatMul(z.transpose(0, 2, 1)),
                (float) (1 / Math.sqrt(inDim))).muli(adjacency);
        NDArray attention = scores.div(scores.sum(new int[] {-1}, true).addi(SUM_EPS));
        NDArray aggregated = neighbour.forward(ps, new NDList(attention.batchMatMul(x)), training).singletonOrThrow();
        NDArray h = aggregated.addi(root.forward(ps, new NDList(x), training).singletonOrThrow());
        return new NDList(h.normalize(2, -1, NORM_EPS), attention);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (degree != null) {
            degree.initialize(manager, dataType, new Shape(1, 1, 1));
        }
        Shape in = new Shape(1, 1, inDim);
        queryKey.initialize(manager, dataType, in);
        neighbour.initialize(manager, dataType, in);
        root.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), outDim)};
    }
}
