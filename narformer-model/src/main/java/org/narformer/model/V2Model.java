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

/**
 * A NAR-Former V2 network with its parameters: creation with the reference initialisation, batched
 * inference, parameter I/O. Owns native memory: close it.
 */
public final class V2Model implements AutoCloseable {
    /** Inference batch size of the reference test scripts. */
    public static final int DEFAULT_INFERENCE_BATCH = 1024;
    /**
     * Most padded node slots one inference forward pass holds. On CPU, batches beyond a few thousand nodes are
     * several times slower per graph (intermediates leave the caches; measured 4× for 8,192 vs 2,048 slots), so
     * a logical batch is run in chunks of at most this size; predictions do not depend on it.
     */
    public static final int MAX_INFERENCE_NODE_SLOTS = 2048;

    private final V2Config config;
    private final NDManager manager;
    private final NarFormerV2Block block;
    private final ParameterStore store;

    private V2Model(V2Config config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        this.block = new NarFormerV2Block(config);
        this.store = new ParameterStore(manager, false);
    }

    /**
     * A freshly initialised network. Sets the engine's random seed (initialisation and dropout draw from it).
     */
    public static V2Model create(V2Config config, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        V2Model model = new V2Model(config);
        model.block.initialize(model.manager);
        return model;
    }

    /** A network whose parameters are read from {@code in} (written by {@link #saveParameters}). */
    public static V2Model load(V2Config config, DataInputStream in) throws IOException, MalformedModelException {
        V2Model model = new V2Model(config);
        try {
            model.block.initialize(model.manager);
            model.block.loadParameters(model.manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public V2Config config() {
        return config;
    }

    public NarFormerV2Block block() {
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

    /**
     * One forward pass over a batch built by {@link GraphBatch#toNDList}.
     *
     * @return predictions {@code [B, 1]}
     */
    public NDArray forward(NDList inputs, boolean training) {
        return block.forward(store, inputs, training).singletonOrThrow();
    }

    /**
     * Predictions (eval mode: no dropout) in the order of {@code graphs}; graphs are batched by size to limit
     * padding, at most {@code batchSize} graphs and {@link #MAX_INFERENCE_NODE_SLOTS} node slots per pass.
     */
    public float[] predict(List<TokenizedGraph> graphs, int batchSize) {
        int[] counts = graphs.stream().mapToInt(TokenizedGraph::nodeCount).toArray();
        float[] out = new float[graphs.size()];
        for (int[] batch : BatchPlanner.bySize(counts, batchSize, MAX_INFERENCE_NODE_SLOTS)) {
            List<TokenizedGraph> members = Arrays.stream(batch).mapToObj(graphs::get).toList();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] p = forward(GraphBatch.of(members, config).toNDList(manager), false).toFloatArray();
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

    /** The manager owning the parameters (for optimiser state that must live as long as the model). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
