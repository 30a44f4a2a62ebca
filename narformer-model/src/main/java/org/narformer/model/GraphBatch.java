package org.narformer.model;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Graphs of different sizes padded to the largest one, with a node mask: the dense batch
 * {@link NarFormerV2Block} consumes. Padded token rows, adjacency rows/columns and mask entries are zero.
 *
 * <p>Host-side buffers (row-major): tokens {@code [B, n, tokenDim]}, adjacency {@code [B, n, n]},
 * mask {@code [B, n, 1]}, static features {@code [B, staticDim]} (only when the config uses them).
 */
public final class GraphBatch {
    private final int size;
    private final int maxNodes;
    private final int realNodes;
    private final int tokenDim;
    private final int staticDim;
    private final float[] tokens;
    private final float[] adjacency;
    private final float[] mask;
    private final float[] staticFeatures;

    private GraphBatch(List<TokenizedGraph> graphs, V2Config config) {
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        this.size = graphs.size();
        this.tokenDim = config.tokenDim();
        this.staticDim = config.readout() == Readout.SUM_WITH_STATIC ? config.staticDim() : 0;
        int max = 0;
        int real = 0;
        for (int b = 0; b < size; b++) {
            TokenizedGraph g = graphs.get(b);
            if (g.nodeCount() < 1) {
                throw new IllegalArgumentException("graph " + b + " of the batch has no nodes");
            }
            if (g.tokenDim() != tokenDim) {
                throw new IllegalArgumentException("graph " + b + " of the batch has " + g.tokenDim()
                        + "-d tokens; the model expects " + tokenDim);
            }
            if (staticDim > 0 && g.staticDim() != staticDim) {
                throw new IllegalArgumentException("graph " + b + " of the batch has " + g.staticDim()
                        + " static features; the model expects " + staticDim);
            }
            max = Math.max(max, g.nodeCount());
            real += g.nodeCount();
        }
        this.maxNodes = max;
        this.realNodes = real;
        this.tokens = new float[size * max * tokenDim];
        this.adjacency = new float[size * max * max];
        this.mask = new float[size * max];
        this.staticFeatures = new float[size * staticDim];
        for (int b = 0; b < size; b++) {
            TokenizedGraph g = graphs.get(b);
            int n = g.nodeCount();
            System.arraycopy(g.tokens(), 0, tokens, b * max * tokenDim, n * tokenDim);
            boolean[] adj = g.adjacency();
            int base = b * max * max;
            for (int i = 0; i < n; i++) {
                mask[b * max + i] = 1f;
                for (int j = 0; j < n; j++) {
                    if (adj[i * n + j]) {
                        adjacency[base + i * max + j] = 1f;
                    }
                }
            }
            if (staticDim > 0) {
                System.arraycopy(g.staticFeatures(), 0, staticFeatures, b * staticDim, staticDim);
            }
        }
    }

    /** Pads {@code graphs} for {@code config}; rejects graphs whose token or static width does not match. */
    public static GraphBatch of(List<TokenizedGraph> graphs, V2Config config) {
        return new GraphBatch(graphs, config);
    }

    public int size() {
        return size;
    }

    public int maxNodes() {
        return maxNodes;
    }

    /** Number of real (not padded) node slots. */
    public int realNodes() {
        return realNodes;
    }

    /** Total node slots {@code B · n}, real plus padding. */
    public int paddedNodes() {
        return size * maxNodes;
    }

    /** Fraction of node slots that are padding, in [0, 1). */
    public double paddingFraction() {
        return 1.0 - (double) realNodes / paddedNodes();
    }

    /** The model input, created in {@code manager}. */
    public NDList toNDList(NDManager manager) {
        NDList list = new NDList(
                manager.create(tokens, new Shape(size, maxNodes, tokenDim)),
                manager.create(adjacency, new Shape(size, maxNodes, maxNodes)),
                manager.create(mask, new Shape(size, maxNodes, 1)));
        if (staticDim > 0) {
            list.add(manager.create(staticFeatures, new Shape(size, staticDim)));
        }
        return list;
    }
}
