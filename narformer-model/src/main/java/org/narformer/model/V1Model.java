package org.narformer.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

/**
 * A NAR-Former (V1) network with its parameters and its tokenizer: creation, batched inference, parameter
 * I/O. Owns native memory: close it.
 */
public final class V1Model implements AutoCloseable {
    /** Most padded token slots one inference pass holds (as {@link V2Model#MAX_INFERENCE_NODE_SLOTS}). */
    public static final int MAX_INFERENCE_TOKEN_SLOTS = 2048;

    private final V1Config config;
    private final V1CellTokenizer tokenizer;
    private final NDManager manager;
    private final NarFormerV1Block block;
    private final ParameterStore store;

    private V1Model(V1Config config, V1CellTokenizer tokenizer) {
        if (tokenizer.tokenDim() != config.dModel()) {
            throw new IllegalArgumentException("V1 has no input projection: token width " + tokenizer.tokenDim()
                    + " must equal dModel " + config.dModel());
        }
        this.config = config;
        this.tokenizer = tokenizer;
        this.manager = NDManager.newBaseManager();
        this.block = new NarFormerV1Block(config);
        this.store = new ParameterStore(manager, false);
    }

    /** A freshly initialised network. Sets the engine's random seed (initialisation and dropout draw from it). */
    public static V1Model create(V1Config config, V1CellTokenizer tokenizer, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        V1Model model = new V1Model(config, tokenizer);
        model.block.initialize(model.manager);
        return model;
    }

    /** A network whose parameters are read from {@code in} (written by {@link #saveParameters}). */
    public static V1Model load(V1Config config, V1CellTokenizer tokenizer, DataInputStream in)
            throws IOException, MalformedModelException {
        V1Model model = new V1Model(config, tokenizer);
        try {
            model.block.initialize(model.manager);
            model.block.loadParameters(model.manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public V1Config config() {
        return config;
    }

    public V1CellTokenizer tokenizer() {
        return tokenizer;
    }

    public NarFormerV1Block block() {
        return block;
    }

    /** All parameters, in a fixed order (by block path). */
    public ParameterList parameters() {
        return block.getParameters();
    }

    /** Number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : parameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /** Makes every parameter collect gradients (training). */
    public void attachGradients() {
        for (Pair<String, Parameter> p : parameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
    }

    /** The batch's inputs on this model's manager. */
    public NDList inputs(List<TokenizedGraph> graphs) {
        return V1Batch.of(graphs, tokenizer).toNDList(manager);
    }

    /** One forward pass; returns predictions {@code [B, 1]}. */
    public NDArray forward(NDList inputs, boolean training) {
        return block.forward(store, inputs, training).singletonOrThrow();
    }

    /** Every stage's output (see {@link NarFormerV1Block#stages}), eval mode. */
    public NDList stages(NDList inputs) {
        return block.stages(store, inputs, false);
    }

    /**
     * Predictions (eval mode) in the order of {@code graphs}; graphs are batched by length to limit padding, at
     * most {@code batchSize} graphs and {@link #MAX_INFERENCE_TOKEN_SLOTS} token slots per pass.
     */
    public float[] predict(List<TokenizedGraph> graphs, int batchSize) {
        int[] counts = graphs.stream().mapToInt(TokenizedGraph::nodeCount).toArray();
        float[] out = new float[graphs.size()];
        for (int[] batch : BatchPlanner.bySize(counts, batchSize, MAX_INFERENCE_TOKEN_SLOTS)) {
            List<TokenizedGraph> members = Arrays.stream(batch).mapToObj(graphs::get).toList();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] p = forward(inputs(members), false).toFloatArray();
                for (int k = 0; k < batch.length; k++) {
                    out[batch[k]] = p[k];
                }
            }
        }
        return out;
    }

    /** Writes all parameters (DJL block format). */
    public void saveParameters(DataOutputStream out) throws IOException {
        block.saveParameters(out);
    }

    /** The manager owning the parameters (for optimiser and EMA state that must live as long as the model). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
