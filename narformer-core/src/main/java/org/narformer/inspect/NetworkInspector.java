package org.narformer.inspect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImportConfig;
import org.narformer.onnx.OnnxModel;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.WholeNetworkTokenizer;

/**
 * Library facade behind {@code narformer inspect}: reads an ONNX file into the graph IR and summarises it.
 * Bad input surfaces as {@link org.narformer.BadInputException} naming the file (and node).
 */
public final class NetworkInspector {
    private final int batchSize;
    private final WholeNetworkTokenizer tokenizer;

    /** @param batchSize the batch size forced on the network inputs (the reference uses 1) */
    public NetworkInspector(int batchSize) {
        this.batchSize = batchSize;
        this.tokenizer = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults().withBatchSize(batchSize));
    }

    public NetworkSummary inspect(Path file) {
        OnnxModel model = OnnxModel.read(file);
        NetworkGraph graph = model.toGraph(OnnxImportConfig.defaults().withBatchSize(batchSize));
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String name : model.graphInputNames()) {
            int i = graph.indexOf(name);
            inputs.put(name, i < 0 ? "?" : graph.node(i).outputShape().toString());
        }
        StaticFeatures ref = StaticFeatures.of(graph, StaticFeatureMode.REFERENCE);
        StaticFeatures ext = StaticFeatures.of(graph, StaticFeatureMode.EXTENDED);
        TokenizedGraph tokens = tokenizer.tokenize(graph);
        return new NetworkSummary(file.toString(), model.opsetVersion(), graph.nodeCount(), graph.edgeCount(),
                new TreeMap<>(graph.opHistogram()), inputs, batchSize,
                ref.flops(), ref.paramCount(), ref.memoryAccess(),
                ext.flops(), ext.paramCount(), ext.memoryAccess(),
                tokens.tokenDim(), tokens.staticDim(), sum(tokens.tokens()), sum(tokens.staticFeatures()));
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
