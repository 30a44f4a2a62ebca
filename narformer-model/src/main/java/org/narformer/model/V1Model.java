package org.narformer.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1Tokenizer;

/**
 * A NAR-Former (V1) network with its parameters and its tokenizer: creation, batched inference, parameter
 * I/O. Owns native memory: close it.
 */
public final class V1Model extends GraphModel<NarFormerV1Block> {
    private final V1Config config;
    private final V1Tokenizer tokenizer;

    private V1Model(V1Config config, V1Tokenizer tokenizer) {
        super(new NarFormerV1Block(config));
        if (tokenizer.tokenDim() != config.tokenDim()) {
            close();
            throw new IllegalArgumentException("the tokenizer gives tokens of width " + tokenizer.tokenDim()
                    + ", the model expects " + config.tokenDim());
        }
        if (tokenizer.staticDim() != config.staticDim()) {
            close();
            throw new IllegalArgumentException("the tokenizer gives " + tokenizer.staticDim()
                    + " static features, the head expects " + config.staticDim());
        }
        this.config = config;
        this.tokenizer = tokenizer;
    }

    /** A freshly initialised network. Sets the engine's random seed (initialisation and dropout draw from it). */
    public static V1Model create(V1Config config, V1Tokenizer tokenizer, int seed) {
        DropoutMask.seed(seed);
        V1Model model = new V1Model(config, tokenizer);
        model.block().initialize(model.manager());
        return model;
    }

    /** A network whose parameters are read from {@code in} (written by {@link #saveParameters}). */
    public static V1Model load(V1Config config, V1Tokenizer tokenizer, DataInputStream in)
            throws IOException, MalformedModelException {
        V1Model model = new V1Model(config, tokenizer);
        model.block().initialize(model.manager());
        return loadParameters(model, in);
    }

    public V1Config config() {
        return config;
    }

    public V1Tokenizer tokenizer() {
        return tokenizer;
    }

    /** One output: V1 predicts one number per graph. */
    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public String inputMismatch(TokenizedGraph graph) {
        if (graph.tokenDim() != tokenizer.tokenDim()) {
            return graph.tokenDim() + "-d tokens, the V1 model expects " + tokenizer.tokenDim();
        }
        return graph.staticDim() == config.staticDim() ? null
                : graph.staticDim() + " static features, the V1 model expects " + config.staticDim();
    }

    /** The batch's inputs on this model's manager ({@link V1Batch}). */
    @Override
    public NDList inputs(List<TokenizedGraph> graphs) {
        return V1Batch.of(graphs, tokenizer).toNDList(manager());
    }

    /** Every stage's output (see {@link NarFormerV1Block#stages}), eval mode. */
    public NDList stages(NDList inputs) {
        return block().stages(store(), inputs, false);
    }
}
