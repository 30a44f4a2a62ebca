package org.narformer.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * A NAR-Former V2 network (or, with {@link LayerKind#NNLP}, the NNLP baseline) with its parameters: creation with
 * the reference initialisation, batched inference ({@link GraphBatch} inputs), parameter I/O. Owns native memory:
 * close it.
 */
public final class V2Model extends GraphModel<NarFormerV2Block> {
    /** Inference batch size of the reference test scripts. */
    public static final int DEFAULT_INFERENCE_BATCH = 1024;

    private final V2Config config;

    private V2Model(V2Config config) {
        super(new NarFormerV2Block(config));
        this.config = config;
    }

    /**
     * A freshly initialised network. Sets the engine's random seed (initialisation and dropout draw from it).
     */
    public static V2Model create(V2Config config, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        V2Model model = new V2Model(config);
        model.block().initialize(model.manager());
        return model;
    }

    /** A network whose parameters are read from {@code in} (written by {@link #saveParameters}). */
    public static V2Model load(V2Config config, DataInputStream in) throws IOException, MalformedModelException {
        V2Model model = new V2Model(config);
        model.block().initialize(model.manager());
        return loadParameters(model, in);
    }

    public V2Config config() {
        return config;
    }

    @Override
    public String inputMismatch(TokenizedGraph graph) {
        if (graph.tokenDim() != config.tokenDim()) {
            return graph.tokenDim() + "-d tokens, the model expects " + config.tokenDim();
        }
        if (config.staticDim() > 0 && graph.staticDim() != config.staticDim()) {
            return graph.staticDim() + " static features, the model expects " + config.staticDim();
        }
        return null;
    }

    @Override
    public NDList inputs(List<TokenizedGraph> graphs) {
        return GraphBatch.of(graphs, config).toNDList(manager());
    }
}
