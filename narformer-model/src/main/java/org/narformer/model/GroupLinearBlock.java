package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * Grouped linear transform (REFERENCE.md §4.1 step 7; {@code GroupLinear} with {@code --glt_norm LN},
 * no feature shuffle): the features are split into {@code g} groups, each group gets its own weight
 * {@code [in/g, out/g]} and bias, then one {@code LayerNorm(out/g)} shared by all groups normalises each group.
 *
 * <p>Input {@code [..., in]}, output {@code [..., out]}; or, through {@link #forwardGrouped}, the group-major
 * layout {@code [g, rows, in/g] → [g, rows, out/g]}, which lets two grouped transforms run back to back without
 * regrouping (and normalises a contiguous last axis). Weights {@code [g, in/g, out/g]} start
 * xavier-uniform as PyTorch computes it for a 3-D tensor (fan_in = (in/g)(out/g), fan_out = out); biases
 * start at zero.
 */
public final class GroupLinearBlock extends AbstractBlock {
    private final int out;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;
    private final LayerNorm norm;

    public GroupLinearBlock(int in, int out, int groups) {
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("in " + in + " and out " + out + " must be divisible by " + groups);
        }
        this.out = out;
        this.groups = groups;
        long inG = in / groups;
        long outG = out / groups;
        double bound = Math.sqrt(6.0 / (inG * outG + (double) groups * outG));
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(groups, inG, outG)).optInitializer(new UniformInitializer((float) bound))
                .build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(groups, 1, outG)).build());
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(fromGroups(forwardGrouped(ps, toGroups(x, groups), training), x.getShape()));
    }

    /**
     * The transform in the group-major layout: {@code [g, rows, in/g] → [g, rows, out/g]}
     * (one batched product, bias, the shared per-group LayerNorm).
     */
    NDArray forwardGrouped(ParameterStore ps, NDArray grouped, boolean training) {
        NDArray w = ps.getValue(weight, grouped.getDevice(), training);
        NDArray b = ps.getValue(bias, grouped.getDevice(), training);
        NDArray y = grouped.batchMatMul(w).addi(b);
        return norm.forward(ps, new NDList(y), training).singletonOrThrow();
    }

    /** {@code [..., f] → [g, rows, f/g]}: feature group {@code k} of every row becomes slice {@code k}. */
    static NDArray toGroups(NDArray x, int groups) {
        Shape shape = x.getShape();
        long features = shape.get(shape.dimension() - 1);
        return x.reshape(shape.size() / features, groups, features / groups).transpose(1, 0, 2);
    }

    /** The inverse of {@link #toGroups}: {@code [g, rows, f/g] → [..., f]} with the leading axes of {@code like}. */
    static NDArray fromGroups(NDArray grouped, Shape like) {
        Shape g = grouped.getShape();
        return grouped.transpose(1, 0, 2).reshape(like.slice(0, like.dimension() - 1).add(g.get(0) * g.get(2)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, new Shape(1, groups, out / groups));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {x.slice(0, x.dimension() - 1).add(out)};
    }
}
