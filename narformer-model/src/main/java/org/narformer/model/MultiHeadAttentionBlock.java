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
 * NAR-Former (V1)'s multi-head scaled dot-product attention ({@code layers/transformer.py: MultiHeadAttention}):
 * K, V and, unless the queries are learned, Q projections, softmax with dropout on the probabilities, output
 * projection. No normalisation and no residual (the callers add them).
 *
 * <p>Input {@code (query [B, q, d], keyValue [B, k, d])} and optionally {@code keyMask [B, k]} (1 real, 0
 * padded): padded keys get no attention weight. Output {@code [B, q, d]}.
 */
public final class MultiHeadAttentionBlock extends AbstractBlock {
    private static final float MASKED_SCORE = -1e9f;

    private final int dim;
    private final int heads;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    /**
     * @param projectQuery project the queries ({@code q_learnable=False}); learned queries are used as they are
     */
    public MultiHeadAttentionBlock(int dim, int heads, float dropout, boolean projectQuery) {
        this.dim = dim;
        this.heads = heads;
        this.dropout = dropout;
        this.query = projectQuery ? addChildBlock("query", ReferenceInit.pygLinear(dim, dim, true)) : null;
        this.key = addChildBlock("key", ReferenceInit.pygLinear(dim, dim, true));
        this.value = addChildBlock("value", ReferenceInit.pygLinear(dim, dim, true));
        this.output = addChildBlock("output", ReferenceInit.pygLinear(dim, dim, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray q = inputs.get(0);
        NDArray kv = inputs.get(1);
        if (query != null) {
            q = query.forward(ps, new NDList(q), training).singletonOrThrow();
        }
        NDArray k = splitHeads(key.forward(ps, new NDList(kv), training).singletonOrThrow());
        NDArray v = splitHeads(value.forward(ps, new NDList(kv), training).singletonOrThrow());
        NDArray scores = AutogradScalar.timesInPlace(splitHeads(q).matMul(k.transpose(0, 1, 3, 2)),
                (float) (1 / Math.sqrt(dim / heads)));
        if (inputs.size() > 2) {
            NDArray mask = inputs.get(2);
            long b = mask.getShape().get(0);
            long n = mask.getShape().get(1);
            scores = scores.add(mask.sub(1f).mul(-MASKED_SCORE).reshape(b, 1, 1, n));
        }
        NDArray attention = DropoutMask.apply(scores.softmax(-1), dropout, training);
        NDArray merged = attention.matMul(v).transpose(0, 2, 1, 3);
        Shape s = merged.getShape();
        merged = merged.reshape(s.get(0), s.get(1), dim);
        return output.forward(ps, new NDList(merged), training);
    }

    /** {@code [B, n, d]} → {@code [B, heads, n, d/heads]}. */
    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, dim / heads).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, dim);
        if (query != null) {
            query.initialize(manager, dataType, in);
        }
        key.initialize(manager, dataType, in);
        value.initialize(manager, dataType, in);
        output.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), q.get(1), dim)};
    }
}
