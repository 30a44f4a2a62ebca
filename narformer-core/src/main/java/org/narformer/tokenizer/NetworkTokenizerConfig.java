package org.narformer.tokenizer;

import org.narformer.onnx.StaticFeatureMode;

/**
 * Settings shared by the whole-network tokenizers ({@link WholeNetworkTokenizer}, {@link NnlpTokenizer}).
 *
 * @param batchSize         the batch size written into the static features; reference: the {@code BatchSize}
 *                          column of {@code gt.txt}, passed as {@code batch_size} to {@code extract_graph_feature}.
 *                          The graph's shapes must have been inferred at this batch size (the importer's job:
 *                          the reference rewrites the ONNX input batch before shape inference).
 * @param staticFeatureMode how FLOPs, parameters and memory access are counted; reference: no flag, always
 *                          {@code onnx_flops.py}, i.e. {@link StaticFeatureMode#REFERENCE}
 * @param recogniseMatMul   {@code false} (reference-compatible): ONNX {@code MatMul} gets a zero op one-hot,
 *                          because the reference table ({@code feature_utils.py} {@code OPS}) spells it
 *                          {@code Matmul}; {@code true} (corrected): {@code MatMul} gets code 18, the slot the
 *                          table meant for it. Reference: no flag.
 */
public record NetworkTokenizerConfig(int batchSize, StaticFeatureMode staticFeatureMode, boolean recogniseMatMul) {

    public NetworkTokenizerConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (staticFeatureMode == null) {
            throw new IllegalArgumentException("static feature mode is required");
        }
    }

    /** Reference-compatible: batch 1, reference static features, {@code MatMul} unrecognised. */
    public static NetworkTokenizerConfig defaults() {
        return new NetworkTokenizerConfig(1, StaticFeatureMode.REFERENCE, false);
    }

    public NetworkTokenizerConfig withBatchSize(int newBatchSize) {
        return new NetworkTokenizerConfig(newBatchSize, staticFeatureMode, recogniseMatMul);
    }
}
