package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Pre-LN grouped feed-forward sub-layer with layer scale and residual (REFERENCE.md §4.1 step 7):
 * {@code x + γ ⊙ Dropout(GLT_down(Dropout(ReLU(GLT_up(LayerNorm(x))))))}, γ starting at
 * {@code layerScaleInit}.
 *
 * <p>Input and output {@code [B, n, d]}; every operation is per node.
 */
public final class GroupedFeedForwardBlock extends AbstractBlock {
    private final int dim;
    private final int groups;
    private final LayerNorm norm;
    private final GroupLinearBlock up;
    private final GroupLinearBlock down;
    private final DropoutBlock dropout;
    private final Parameter layerScale;

    public GroupedFeedForwardBlock(int dim, int hidden, int groups, float dropoutRate, float layerScaleInit) {
        this.dim = dim;
        this.groups = groups;
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        this.up = addChildBlock("up", new GroupLinearBlock(dim, hidden, groups));
        this.down = addChildBlock("down", new GroupLinearBlock(hidden, dim, groups));
        this.dropout = addChildBlock("dropout", new DropoutBlock(dropoutRate));
        this.layerScale = addParameter(Parameter.builder().setName("layerScale").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(dim)).optInitializer(new ConstantInitializer(layerScaleInit)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = norm.forward(ps, new NDList(x), training).singletonOrThrow();
        // the hidden features stay group-major [g, rows, hidden/g] between the two grouped transforms
        NDArray hidden = Activation.relu(up.forwardGrouped(ps, GroupLinearBlock.toGroups(h, groups), training));
        hidden = dropout.forward(ps, new NDList(hidden), training).singletonOrThrow();
        h = GroupLinearBlock.fromGroups(down.forwardGrouped(ps, hidden, training), x.getShape());
        h = dropout.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray gamma = ps.getValue(layerScale, x.getDevice(), training);
        return new NDList(x.add(h.muli(gamma)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, dim);
        norm.initialize(manager, dataType, in);
        up.initialize(manager, dataType, in);
        down.initialize(manager, dataType, up.getOutputShapes(new Shape[] {in}));
        dropout.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
