package org.narformer.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * The NAR-Former V2 network (REFERENCE.md §4; {@code predictor/model.py Net}): {@code layers} ×
 * [graph-aided attention → ReLU → Dropout → grouped FFN with residual], a readout ({@link Readout}), and the
 * head {@code Linear → ReLU → Dropout → Linear → ReLU → Dropout → Linear(→D)} with output
 * {@code −log σ(z) = softplus(−z) > 0} (times {@link V2Config#outputScale()}, 1 in the reference). With
 * {@link LayerKind#NNLP} each layer is NNLQP's GraphSAGE-mean layer → ReLU → Dropout instead (REFERENCE.md §5): the NNLP baseline, which shares the rest of the network.
 *
 * <p>Input, as built by {@link GraphBatch#toNDList}: {@code tokens [B, n, tokenDim]},
 * {@code adjacency [B, n, n]} (0/1), {@code nodeMask [B, n, 1]} (1 on real nodes, 0 on padding) and, for
 * {@link Readout#SUM_WITH_STATIC} only, {@code staticFeatures [B, staticDim]}. Output {@code [B, D]},
 * {@code D = outputs} (1 but for multi-device latency models).
 * Padding never reaches real nodes (the adjacency is zero there) and is masked out of sums and means, so a
 * padded batch gives the same predictions as the graphs one by one.
 */
public final class NarFormerV2Block extends AbstractBlock {
    private final V2Config config;
    private final List<GraphAttentionBlock> attention = new ArrayList<>();
    private final List<MeanAggregationBlock> meanAggregation = new ArrayList<>();
    private final List<GroupedFeedForwardBlock> feedForward = new ArrayList<>();
    private final DropoutBlock dropout;
    private final Linear staticProjection;
    private final Linear fusionHidden;
    private final Linear fusionOut;
    private final Linear head1;
    private final Linear head2;
    private final Linear headOut;

    public NarFormerV2Block(V2Config config) {
        this.config = config;
        int d = config.hiddenDim();
        for (int l = 0; l < config.layers(); l++) {
            int in = l == 0 ? config.tokenDim() : d;
            if (config.layerKind() == LayerKind.NNLP) {
                meanAggregation.add(addChildBlock("layer" + l + "Sage", new MeanAggregationBlock(in, d)));
                continue;
            }
            attention.add(addChildBlock("layer" + l + "Attention", new GraphAttentionBlock(in, d, config.useDegree())));
            feedForward.add(addChildBlock("layer" + l + "FeedForward", new GroupedFeedForwardBlock(d, config.ffnDim(),
                    config.groups(), config.dropout(), config.layerScaleInit())));
        }
        this.dropout = addChildBlock("dropout", new DropoutBlock(config.dropout()));
        int headIn;
        if (config.readout() == Readout.SUM_WITH_STATIC) {
            staticProjection = addChildBlock("staticProjection", ReferenceInit.thomasLinear(config.staticDim(), d));
            fusionHidden = null;
            fusionOut = null;
            headIn = 2 * d;
        } else {
            int total = config.layers() * d;
            staticProjection = null;
            fusionHidden = addChildBlock("fusionHidden", ReferenceInit.thomasLinear(total, total / 4));
            fusionOut = addChildBlock("fusionOut", ReferenceInit.thomasLinear(total / 4, config.layers()));
            headIn = d;
        }
        head1 = addChildBlock("head1", ReferenceInit.thomasLinear(headIn, d));
        head2 = addChildBlock("head2", ReferenceInit.thomasLinear(d, d));
        headOut = addChildBlock("headOut", ReferenceInit.thomasLinear(d, config.outputs()));
    }

    public V2Config config() {
        return config;
    }

    /** The head's last layer {@code Linear(d → D)}. */
    Linear headOut() {
        return headOut;
    }

    /** The attention sub-layer of layer {@code l} (for inspection). */
    public GraphAttentionBlock attention(int l) {
        return attention.get(l);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray adjacency = inputs.get(1);
        NDArray mask = inputs.get(2);
        NDList layerMeans = new NDList(config.layers());
        NDArray count = config.readout() == Readout.LAYER_MEAN_FUSION ? mask.sum(new int[] {1}) : null;
        for (int l = 0; l < config.layers(); l++) {
            if (config.layerKind() == LayerKind.NNLP) {
                x = meanAggregation.get(l).forward(ps, new NDList(x, adjacency), training).singletonOrThrow();
                x = drop(ps, Activation.relu(x), training);
                continue;
            }
            x = attention.get(l).forward(ps, new NDList(x, adjacency), training).singletonOrThrow();
            x = drop(ps, Activation.relu(x), training);
            x = feedForward.get(l).forward(ps, new NDList(x), training).singletonOrThrow();
            if (count != null) {
                layerMeans.add(x.mul(mask).sum(new int[] {1}).divi(count));
            }
        }
        NDArray features;
        if (config.readout() == Readout.SUM_WITH_STATIC) {
            NDArray graph = x.mul(mask).sum(new int[] {1});
            NDArray s = staticProjection.forward(ps, new NDList(inputs.get(3)), training).singletonOrThrow();
            features = graph.concat(Activation.relu(drop(ps, s, training)), 1);
        } else {
            NDArray concat = NDArrays.concat(layerMeans, 1);
            NDArray hidden = Activation.relu(fusionHidden.forward(ps, new NDList(concat), training).singletonOrThrow());
            NDArray weights = Activation.sigmoid(fusionOut.forward(ps, new NDList(hidden), training).singletonOrThrow());
            features = NDArrays.stack(layerMeans, 1).mul(weights.expandDims(2)).sum(new int[] {1});
        }
        NDArray h = drop(ps, Activation.relu(head1.forward(ps, new NDList(features), training).singletonOrThrow()),
                training);
        h = drop(ps, Activation.relu(head2.forward(ps, new NDList(h), training).singletonOrThrow()), training);
        NDArray z = headOut.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray out = Activation.softPlus(z.neg());
        return new NDList(config.outputScale() == 1 ? out : AutogradScalar.times(out, config.outputScale()));
    }

    private NDArray drop(ParameterStore ps, NDArray x, boolean training) {
        return dropout.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Initialises all parameters with the reference initialisation (uses the engine's random seed). */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, inputShapes(1, 1));
    }

    private Shape[] inputShapes(long batch, long nodes) {
        Shape tokens = new Shape(batch, nodes, config.tokenDim());
        Shape adjacency = new Shape(batch, nodes, nodes);
        Shape mask = new Shape(batch, nodes, 1);
        return config.readout() == Readout.SUM_WITH_STATIC
                ? new Shape[] {tokens, adjacency, mask, new Shape(batch, config.staticDim())}
                : new Shape[] {tokens, adjacency, mask};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int d = config.hiddenDim();
        for (int l = 0; l < config.layers(); l++) {
            int in = l == 0 ? config.tokenDim() : d;
            if (config.layerKind() == LayerKind.NNLP) {
                meanAggregation.get(l).initialize(manager, dataType, new Shape(1, 1, in), new Shape(1, 1, 1));
                continue;
            }
            attention.get(l).initialize(manager, dataType, new Shape(1, 1, in), new Shape(1, 1, 1));
            feedForward.get(l).initialize(manager, dataType, new Shape(1, 1, d));
        }
        dropout.initialize(manager, dataType, new Shape(1, d));
        int headIn;
        if (staticProjection != null) {
            staticProjection.initialize(manager, dataType, new Shape(1, config.staticDim()));
            headIn = 2 * d;
        } else {
            int total = config.layers() * d;
            fusionHidden.initialize(manager, dataType, new Shape(1, total));
            fusionOut.initialize(manager, dataType, new Shape(1, total / 4));
            headIn = d;
        }
        head1.initialize(manager, dataType, new Shape(1, headIn));
        head2.initialize(manager, dataType, new Shape(1, d));
        headOut.initialize(manager, dataType, new Shape(1, d));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.outputs())};
    }
}
