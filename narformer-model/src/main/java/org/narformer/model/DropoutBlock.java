package org.narformer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@code Dropout} block with the mask drawn by {@link DropoutMask}. It serialises as DJL's block does (encoding
 * version 2, its input shapes, no parameters), so checkpoints written with DJL's block load unchanged.
 *
 * <p>Input and output: one array, any shape.
 */
public final class DropoutBlock extends AbstractBlock {
    private static final byte DJL_DROPOUT_VERSION = 2;

    private final float rate;

    public DropoutBlock(float rate) {
        super(DJL_DROPOUT_VERSION);
        this.rate = rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(DropoutMask.apply(inputs.singletonOrThrow(), rate, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
