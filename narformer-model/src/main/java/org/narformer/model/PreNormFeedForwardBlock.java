package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * NAR-Former (V1)'s residual pre-LN FFN ({@code FeedForwardBlock}): {@code x + W2(Dropout(ReLU(W1(LN x))))}.
 *
 * <p>Input and output {@code [B, n, d]}; every operation is per token.
 */
public final class PreNormFeedForwardBlock extends AbstractBlock {
    private final int dim;
    private final float dropout;
    private final LayerNorm norm;
    private final Linear up;
    private final Linear down;

    public PreNormFeedForwardBlock(int dim, int hidden, float dropout) {
        this.dim = dim;
        this.dropout = dropout;
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        this.up = addChildBlock("up", ReferenceInit.pygLinear(dim, hidden, true));
        this.down = addChildBlock("down", ReferenceInit.pygLinear(hidden, dim, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = norm.forward(ps, new NDList(x), training).singletonOrThrow();
        h = Activation.relu(up.forward(ps, new NDList(h), training).singletonOrThrow());
        h = DropoutMask.apply(h, dropout, training);
        h = down.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(x.add(h));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, dim);
        norm.initialize(manager, dataType, in);
        up.initialize(manager, dataType, in);
        down.initialize(manager, dataType, up.getOutputShapes(new Shape[] {in}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
