package org.narformer.onnx;

import java.nio.file.Path;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;

/**
 * Reads an ONNX file into the project's graph IR, the way NAR-Former V2 / NNLQP do
 * ({@code onnx2nx} + shape inference at a forced batch size); see {@link GraphConstruction} for the rules
 * and {@link OnnxImportConfig} for the options.
 *
 * <pre>{@code NetworkGraph g = OnnxImporter.read(Path.of("resnet18.onnx"));  // batch 1, reference mode}</pre>
 *
 * Every failure is a {@link BadInputException} with a one-line message naming the file (and the node).
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    public static NetworkGraph read(Path file) {
        return read(file, OnnxImportConfig.defaults());
    }

    public static NetworkGraph read(Path file, OnnxImportConfig config) {
        return OnnxModel.read(file).toGraph(config);
    }

    /** @param sourceName how error messages name the input */
    public static NetworkGraph read(byte[] bytes, String sourceName) {
        return read(bytes, sourceName, OnnxImportConfig.defaults());
    }

    public static NetworkGraph read(byte[] bytes, String sourceName, OnnxImportConfig config) {
        return OnnxModel.fromBytes(bytes, sourceName).toGraph(config);
    }
}
