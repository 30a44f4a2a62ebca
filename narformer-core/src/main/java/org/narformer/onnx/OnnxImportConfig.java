package org.narformer.onnx;

/**
 * How an ONNX file becomes a {@link org.narformer.graph.NetworkGraph}.
 *
 * @param batchSize               the batch dimension forced onto every graph input before shape inference
 *                                (reference: the {@code batch_size} argument of {@code parse_from_onnx},
 *                                i.e. column 3 of {@code gt.txt}; 1 for the NNLQP unseen-structure set)
 * @param foldConstantIdentities  corrected mode (no reference flag; the reference behaves as {@code false}).
 *                                PyTorch exports share a weight between layers through
 *                                {@code Identity(initializer)} nodes. The reference keeps each such Identity
 *                                as a node hanging off an extra {@code Input} node (the Identity output then
 *                                feeds a Conv bias, which is never an edge, so it dangles). When {@code true},
 *                                an Identity of a parameter is treated like a {@code Constant}: no node, and its
 *                                output counts as a parameter. Operands see such tensors as constants in both
 *                                modes.
 */
public record OnnxImportConfig(int batchSize, boolean foldConstantIdentities) {

    public OnnxImportConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
    }

    /** Batch size 1, reference-compatible graph construction. */
    public static OnnxImportConfig defaults() {
        return new OnnxImportConfig(1, false);
    }

    public OnnxImportConfig withBatchSize(int newBatchSize) {
        return new OnnxImportConfig(newBatchSize, foldConstantIdentities);
    }

    public OnnxImportConfig withFoldConstantIdentities(boolean fold) {
        return new OnnxImportConfig(batchSize, fold);
    }
}
