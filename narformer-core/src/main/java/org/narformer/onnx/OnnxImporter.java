package org.narformer.onnx;

import java.nio.file.Path;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;

/**
 * Reads an ONNX file into the project's graph IR, the way NAR-Former V2 / NNLQP do
 * ({@code onnx2nx} + shape inference at a forced batch size); see {@code GraphConstruction} for the rules
 * and {@link OnnxImportConfig} for the options.
 *
 * <pre>{@code NetworkGraph g = OnnxImporter.read(Path.of("resnet18.onnx"));  // batch 1, reference mode}</pre>
 *
 * Every failure is a {@link BadInputException} with a one-line message naming the file (and the node).
 *
 * <p><b>Checked against the reference.</b> For all ten files of {@code shared/data/onnx} at batch 1 and 8,
 * node names, op types, output shapes and edges equal those of the official V2 {@code onnx2nx} +
 * {@code custom_shape_infer} ({@code ReferenceGraphsIT}).
 *
 * <p><b>Reference accidents reproduced</b> (default, {@link OnnxImportConfig#defaults()}): initializers and
 * {@code Constant}s feeding element-wise ops, {@code Clip}, {@code MatMul}, {@code Gather}, {@code Slice},
 * {@code Split}, {@code Squeeze}/{@code Unsqueeze} become {@code Input} nodes; shape-computation chains
 * ({@code Shape}, {@code Gather}, {@code Concat}...) stay as nodes; a PyTorch {@code Identity} sharing a
 * weight stays as a node (often dangling) behind an extra {@code Input}; sources are pruned in a single pass;
 * the batch is forced on axis 0 of every input. The corrected alternative for the Identity case is
 * {@link OnnxImportConfig#foldConstantIdentities()}.
 *
 * <p><b>Deviations</b>, each where the reference would crash or drop the file: operators it does not know
 * ({@code LayerNormalization}, {@code HardSwish}, {@code Gelu}...) are imported ({@code EdgeRules});
 * rank-0 tensors and data-dependent shape chains are inferred by our own shape inference
 * ({@code OnnxShapeInference}); a missing Conv {@code kernel_shape} comes from the weight's dims
 * ({@code GraphConstruction}); nodes are visited in topological rather than file order (the same for valid
 * files).
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
