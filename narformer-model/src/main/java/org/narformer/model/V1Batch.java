package org.narformer.model;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1Tokenizer;

/**
 * A batch of V1 token sequences padded at the end to the longest, in {@link NarFormerV1Block}'s input layout:
 * tokens {@code [B, L, d]} (padding zero), depth-token inputs {@code [B, 1, d]} (the depth encoding of each
 * graph's node count, {@link V1Tokenizer#depthEncoding}), the key mask {@code [B, L]} (1 real, 0 padded) and, for
 * whole networks, the static features {@code [B, staticDim]}.
 * Plain Java arrays until {@link #toNDList}.
 */
public final class V1Batch {
    private final int size;
    private final int length;
    private final int dim;
    private final float[] tokens;
    private final float[] depth;
    private final float[] mask;
    private final float[] statics;
    private final int staticDim;

    private V1Batch(int size, int length, int dim, float[] tokens, float[] depth, float[] mask, float[] statics,
                    int staticDim) {
        this.size = size;
        this.length = length;
        this.dim = dim;
        this.tokens = tokens;
        this.depth = depth;
        this.mask = mask;
        this.statics = statics;
        this.staticDim = staticDim;
    }

    /**
     * Pads {@code graphs} (tokenized by {@code tokenizer}; each sequence ends with its end token, so the graph has
     * {@code nodeCount − 1} nodes).
     *
     * @throws IllegalArgumentException if the list is empty or a token width differs from the tokenizer's
     */
    public static V1Batch of(List<TokenizedGraph> graphs, V1Tokenizer tokenizer) {
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int dim = tokenizer.tokenDim();
        int length = graphs.stream().mapToInt(TokenizedGraph::nodeCount).max().orElseThrow();
        int size = graphs.size();
        float[] tokens = new float[size * length * dim];
        float[] depth = new float[size * dim];
        float[] mask = new float[size * length];
        int staticDim = tokenizer.staticDim();
        float[] statics = new float[size * staticDim];
        for (int b = 0; b < size; b++) {
            TokenizedGraph g = graphs.get(b);
            if (g.tokenDim() != dim) {
                throw new IllegalArgumentException("graph " + b + " has " + g.tokenDim() + "-d tokens, expected "
                        + dim);
            }
            System.arraycopy(g.tokens(), 0, tokens, b * length * dim, g.tokens().length);
            System.arraycopy(tokenizer.depthEncoding(g.nodeCount() - 1), 0, depth, b * dim, dim);
            if (g.staticDim() != staticDim) {
                throw new IllegalArgumentException("graph " + b + " has " + g.staticDim()
                        + " static features, expected " + staticDim);
            }
            System.arraycopy(g.staticFeatures(), 0, statics, b * staticDim, staticDim);
            for (int i = 0; i < g.nodeCount(); i++) {
                mask[b * length + i] = 1f;
            }
        }
        return new V1Batch(size, length, dim, tokens, depth, mask, statics, staticDim);
    }

    public int size() {
        return size;
    }

    /** Padded sequence length L (end token included, depth token not). */
    public int length() {
        return length;
    }

    /** {@code (tokens [B, L, d], depth [B, 1, d], keyMask [B, L][, static [B, staticDim]])} on {@code manager}. */
    public NDList toNDList(NDManager manager) {
        NDList list = new NDList(manager.create(tokens, new Shape(size, length, dim)),
                manager.create(depth, new Shape(size, 1, dim)),
                manager.create(mask, new Shape(size, length)));
        if (staticDim > 0) {
            list.add(manager.create(statics, new Shape(size, staticDim)));
        }
        return list;
    }
}
