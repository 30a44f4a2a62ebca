package org.narformer.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * A network that maps each tokenized graph to one number (or, for a multi-device latency model, one per output),
 * with its parameters: batched inference, parameter
 * I/O, gradients. {@link V2Model} (V2 and NNLP) and {@link V1Model} differ only in their block and in how a batch
 * of graphs becomes the block's input ({@link #inputs}). Owns native memory: close it.
 *
 * @param <B> the network block; its output is {@code [B, D]}, {@code D = outputs()}
 */
public abstract class GraphModel<B extends AbstractBlock> implements AutoCloseable {
    /**
     * Most padded node (or token) slots one inference forward pass holds. On CPU, batches beyond a few thousand
     * nodes are several times slower per graph (intermediates leave the caches; measured 4× for 8,192 vs 2,048
     * slots), so a logical batch is run in chunks of at most this size; predictions do not depend on it.
     */
    public static final int MAX_INFERENCE_NODE_SLOTS = 2048;

    private final NDManager manager;
    private final B block;
    private final ParameterStore store;

    protected GraphModel(B block) {
        this.manager = NDManager.newBaseManager();
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /** Reads the parameters written by {@link #saveParameters} into {@code model}; closes it on failure. */
    protected static <M extends GraphModel<?>> M loadParameters(M model, DataInputStream in)
            throws IOException, MalformedModelException {
        try {
            model.block().loadParameters(model.manager(), in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public B block() {
        return block;
    }

    /** The block's input for {@code graphs}, created in this model's manager. */
    public abstract NDList inputs(List<TokenizedGraph> graphs);

    /**
     * Why this model cannot read {@code graph} (token or static-feature width), or null when it can.
     */
    public abstract String inputMismatch(TokenizedGraph graph);

    /** The number D of outputs per graph (1 but for a multi-device latency model). */
    public abstract int outputs();

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

    /** One forward pass over {@link #inputs}; returns predictions {@code [B, D]}. */
    public NDArray forward(NDList inputs, boolean training) {
        return block.forward(store, inputs, training).singletonOrThrow();
    }

    /**
     * Predictions of a single-output model (eval mode: no dropout) in the order of {@code graphs}; graphs are batched
     * by size to limit padding, at most {@code batchSize} graphs and {@link #MAX_INFERENCE_NODE_SLOTS} slots per pass.
     *
     * @throws IllegalStateException when the model has several outputs ({@link #predictOutputs})
     */
    public float[] predict(List<TokenizedGraph> graphs, int batchSize) {
        if (outputs() != 1) {
            throw new IllegalStateException("this model has " + outputs() + " outputs: use predictOutputs");
        }
        return predictRowMajor(graphs, batchSize);
    }

    /** {@link #predict} for any number of outputs: {@code [graphs.size()][D]}. */
    public float[][] predictOutputs(List<TokenizedGraph> graphs, int batchSize) {
        int d = outputs();
        float[] flat = predictRowMajor(graphs, batchSize);
        float[][] out = new float[graphs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    private float[] predictRowMajor(List<TokenizedGraph> graphs, int batchSize) {
        int d = outputs();
        int[] counts = graphs.stream().mapToInt(TokenizedGraph::nodeCount).toArray();
        float[] out = new float[graphs.size() * d];
        for (int[] batch : BatchPlanner.bySize(counts, batchSize, MAX_INFERENCE_NODE_SLOTS)) {
            List<TokenizedGraph> members = Arrays.stream(batch).mapToObj(graphs::get).toList();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] p = forward(inputs(members), false).toFloatArray();
                for (int k = 0; k < batch.length; k++) {
                    System.arraycopy(p, k * d, out, batch[k] * d, d);
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

    /** The parameter store of the forward passes (for blocks that expose more than {@link #forward}). */
    protected ParameterStore store() {
        return store;
    }

    @Override
    public void close() {
        manager.close();
    }
}
