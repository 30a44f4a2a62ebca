package org.narformer.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
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
        DropoutMask.seed(seed);
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
    public int outputs() {
        return config.outputs();
    }

    /**
     * A new model with this model's trunk (every parameter but the head's last layer, copied) and a last layer of
     * {@code rows.length} outputs: output {@code i} copies this model's output {@code rows[i]}, or keeps a fresh
     * reference initialisation (drawn from {@code seed}) when {@code rows[i] < 0}. Takes one device's predictor out of
     * a multi-device model ({@code rows = {k}}) or starts a new device from a pre-trained representation.
     */
    public V2Model withHeads(int[] rows, int seed) {
        return withHeads(rows, config.outputScale(), seed);
    }

    /** {@link #withHeads(int[], int)} with another fixed output factor ({@link V2Config#outputScale()}). */
    public V2Model withHeads(int[] rows, float outputScale, int seed) {
        for (int r : rows) {
            if (r >= outputs()) {
                throw new IllegalArgumentException("output " + r + " does not exist: the model has " + outputs());
            }
        }
        V2Model out = create(config.withOutputs(rows.length).withOutputScale(outputScale), seed);
        Set<String> head = new HashSet<>();
        for (Pair<String, Parameter> p : block().headOut().getParameters()) {
            head.add(p.getValue().getId());
        }
        ParameterList from = parameters();
        ParameterList to = out.parameters();
        for (int p = 0; p < from.size(); p++) {
            NDArray source = from.get(p).getValue().getArray();
            NDArray target = to.get(p).getValue().getArray();
            if (!head.contains(from.get(p).getValue().getId())) {
                target.set(source.toFloatArray());
                continue;
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] >= 0) {
                    target.set(new NDIndex(i), source.get(rows[i]));
                }
            }
        }
        return out;
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
