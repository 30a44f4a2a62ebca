package org.narformer.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The NAR-Former (V1) network for NAS-Bench cells (REFERENCE.md §6.2; {@code model/model.py: NetEncoder},
 * {@code layers/transformer.py: Encoder, RegHead}):
 * <ol>
 *   <li>depth token {@code ReLU(Linear(PE(n)))} prepended ({@link V1Config#depthToken()});</li>
 *   <li>stage 1: pre-LN encoder blocks {@code x + MHSA(LN x)}, then {@code x + FFN(LN x)}; its output is the
 *       {@code memory};</li>
 *   <li>stage 2: 4 learned queries (unprojected) attend to {@code LN(memory)} (no residual), then an FFN;</li>
 *   <li>stages 3, 4: a fuse-feature block (the previous stage's tokens, LN'd and projected, attend to
 *       {@code LN(memory)}, then an FFN) gives {@code kv}; 2, then 1, learned queries attend to {@code LN(kv)},
 *       then an FFN;</li>
 *   <li>final LayerNorm, then the head on the last token {@code h}: {@code sigmoid(Linear(d→1)(h))} for cells; for
 *       whole networks ({@link V1Config#staticDim()} &gt; 0) the MLP of {@code RegHead} on {@code [h, static]},
 *       {@code w→w→w/2→w/4→w/8→1} with ReLU and dropout after each hidden layer and no output activation.</li>
 * </ol>
 * The depth token is put first here; the reference puts the networks' depth token last. Nothing in V1 depends on a
 * token's position in the sequence (no positional term in attention; learned queries pool the whole sequence), so
 * the order changes nothing but the summation order.
 *
 * <p>Input {@code (tokens [B, L, t], depth [B, 1, t], keyMask [B, L][, static [B, staticDim]])} as built by
 * {@link V1Batch}, {@code t = tokenDim} ({@code = d} but with the CPU-size input projection
 * {@link V1Config#withModelWidth}, which maps the tokens and the depth input to {@code d}): graphs
 * padded at the end, {@code keyMask} 1 on real tokens. Padded tokens are never attended to, so each graph's
 * prediction does not depend on its batch. Output {@code [B, 1]}.
 */
public final class NarFormerV1Block extends AbstractBlock {
    private final V1Config config;
    private final Linear inputProjection;
    private final Linear depthMap;
    private final List<LayerNorm> encoderNorms = new ArrayList<>();
    private final List<MultiHeadAttentionBlock> encoderAttentions = new ArrayList<>();
    private final List<PreNormFeedForwardBlock> encoderFeedForwards = new ArrayList<>();
    private final List<Parameter> queries = new ArrayList<>();
    private final List<LayerNorm> stageNorms = new ArrayList<>();
    private final List<MultiHeadAttentionBlock> stageAttentions = new ArrayList<>();
    private final List<PreNormFeedForwardBlock> stageFeedForwards = new ArrayList<>();
    private final List<LayerNorm> fuseMemoryNorms = new ArrayList<>();
    private final List<LayerNorm> fuseQueryNorms = new ArrayList<>();
    private final List<MultiHeadAttentionBlock> fuseAttentions = new ArrayList<>();
    private final List<PreNormFeedForwardBlock> fuseFeedForwards = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;
    private final List<Linear> staticHead = new ArrayList<>();

    public NarFormerV1Block(V1Config config) {
        this.config = config;
        int d = config.dModel();
        this.inputProjection = config.projectsInput()
                ? addChildBlock("inputProjection", ReferenceInit.pygLinear(config.tokenDim(), d, true)) : null;
        this.depthMap = config.depthToken()
                ? addChildBlock("depthMap", ReferenceInit.pygLinear(config.tokenDim(), d, true)) : null;
        for (int i = 0; i < config.encoderLayers(); i++) {
            encoderNorms.add(addChildBlock("encoderNorm" + i, LayerNorm.builder().axis(2).build()));
            encoderAttentions.add(addChildBlock("encoderAttention" + i,
                    new MultiHeadAttentionBlock(d, config.heads(), config.dropout(), true)));
            encoderFeedForwards.add(addChildBlock("encoderFeedForward" + i, feedForward()));
        }
        for (int s = 1; s <= config.fusionStages(); s++) {
            if (s > 1) {
                fuseMemoryNorms.add(addChildBlock("fuseMemoryNorm" + s, LayerNorm.builder().axis(2).build()));
                fuseQueryNorms.add(addChildBlock("fuseQueryNorm" + s, LayerNorm.builder().axis(2).build()));
                fuseAttentions.add(addChildBlock("fuseAttention" + s,
                        new MultiHeadAttentionBlock(d, config.heads(), config.dropout(), true)));
                fuseFeedForwards.add(addChildBlock("fuseFeedForward" + s, feedForward()));
            }
            queries.add(addParameter(Parameter.builder().setName("queries" + s).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(1, config.queries(s), d)).optInitializer(new NormalInitializer(1f))
                    .build()));
            stageNorms.add(addChildBlock("stageNorm" + s, LayerNorm.builder().axis(2).build()));
            stageAttentions.add(addChildBlock("stageAttention" + s,
                    new MultiHeadAttentionBlock(d, config.heads(), config.dropout(), false)));
            stageFeedForwards.add(addChildBlock("stageFeedForward" + s, feedForward()));
        }
        this.finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        if (config.staticDim() == 0) {
            this.head = addChildBlock("head", ReferenceInit.pygLinear(d, 1, true));
        } else {
            this.head = null;
            int[] widths = headWidths();
            for (int i = 0; i + 1 < widths.length; i++) {
                staticHead.add(addChildBlock("staticHead" + i, ReferenceInit.pygLinear(widths[i], widths[i + 1], true)));
            }
        }
    }

    /**
     * Widths of the whole-network head: {@code w, w, w/2, w/4, w/8, 1} with {@code w = d + staticDim}, halved with
     * floor division (exact in the reference, where {@code w = 1216}).
     */
    private int[] headWidths() {
        int w = config.dModel() + config.staticDim();
        return new int[] {w, w, w / 2, w / 4, w / 8, 1};
    }

    private PreNormFeedForwardBlock feedForward() {
        return new PreNormFeedForwardBlock(config.dModel(), config.ffnDim(), config.dropout());
    }

    public V1Config config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList stages = stages(ps, inputs, training);
        NDArray last = finalNorm.forward(ps, new NDList(stages.get(stages.size() - 1)), training)
                .singletonOrThrow().get(new NDIndex(":, -1, :"));
        if (head != null) {
            return new NDList(Activation.sigmoid(head.forward(ps, new NDList(last), training).singletonOrThrow()));
        }
        NDArray x = NDArrays.concat(new NDList(last, inputs.get(3)), 1);
        for (int i = 0; i < staticHead.size(); i++) {
            x = staticHead.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            if (i + 1 < staticHead.size()) {
                x = DropoutMask.apply(Activation.relu(x), config.dropout(), training);
            }
        }
        return new NDList(x);
    }

    /**
     * Every stage's output, before the final LayerNorm: stage 1 {@code [B, L(+1 with the depth token), d]},
     * then fusion stage s {@code [B, 2^(3−s), d]}.
     */
    public NDList stages(ParameterStore ps, NDList inputs, boolean training) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(2);
        if (inputProjection != null) {
            x = inputProjection.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        if (depthMap != null) {
            NDArray depth = Activation.relu(depthMap.forward(ps, new NDList(inputs.get(1)), training)
                    .singletonOrThrow());
            x = NDArrays.concat(new NDList(depth, x), 1);
            mask = NDArrays.concat(new NDList(mask.getManager().ones(new Shape(mask.getShape().get(0), 1),
                    mask.getDataType()), mask), 1);
        }
        for (int i = 0; i < encoderNorms.size(); i++) {
            NDArray h = encoderNorms.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            x = x.add(encoderAttentions.get(i).forward(ps, new NDList(h, h, mask), training).singletonOrThrow());
            x = encoderFeedForwards.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
        }
        NDList out = new NDList(x);
        NDArray memory = x;
        long batch = x.getShape().get(0);
        NDArray q = null;
        for (int s = 0; s < queries.size(); s++) {
            NDArray kv = memory;
            NDArray kvMask = mask;
            if (s > 0) {
                NDArray m = fuseMemoryNorms.get(s - 1).forward(ps, new NDList(memory), training).singletonOrThrow();
                NDArray qn = fuseQueryNorms.get(s - 1).forward(ps, new NDList(q), training).singletonOrThrow();
                kv = fuseAttentions.get(s - 1).forward(ps, new NDList(qn, m, mask), training).singletonOrThrow();
                kv = fuseFeedForwards.get(s - 1).forward(ps, new NDList(kv), training).singletonOrThrow();
                kvMask = null;
            }
            NDArray learned = ps.getValue(queries.get(s), x.getDevice(), training);
            Shape qs = learned.getShape();
            learned = learned.broadcast(new Shape(batch, qs.get(1), qs.get(2)));
            NDArray k = stageNorms.get(s).forward(ps, new NDList(kv), training).singletonOrThrow();
            NDList attentionInputs = kvMask == null ? new NDList(learned, k) : new NDList(learned, k, kvMask);
            q = stageAttentions.get(s).forward(ps, attentionInputs, training).singletonOrThrow();
            q = stageFeedForwards.get(s).forward(ps, new NDList(q), training).singletonOrThrow();
            out.add(q);
        }
        return out;
    }

    /** Initialises every parameter (float32). */
    public void initialize(NDManager manager) {
        Shape token = new Shape(1, 1, config.tokenDim());
        if (config.staticDim() == 0) {
            initialize(manager, DataType.FLOAT32, token, token, new Shape(1, 1));
        } else {
            initialize(manager, DataType.FLOAT32, token, token, new Shape(1, 1), new Shape(1, config.staticDim()));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, config.dModel());
        Shape tokens = new Shape(1, 1, config.tokenDim());
        for (var child : getChildren().values()) {
            if (child == inputProjection || child == depthMap) {
                child.initialize(manager, dataType, tokens);
            } else if (!staticHead.contains(child)) {
                child.initialize(manager, dataType, in);
            }
        }
        int[] widths = headWidths();
        for (int i = 0; i < staticHead.size(); i++) {
            staticHead.get(i).initialize(manager, dataType, new Shape(1, widths[i]));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
