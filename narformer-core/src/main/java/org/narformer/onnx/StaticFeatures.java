package org.narformer.onnx;

import org.narformer.graph.NetworkGraph;

/**
 * Graph-level static features of a whole network, the inputs of the reference's 4-d static vector
 * {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}.
 *
 * <p>Values are doubles because the reference accumulates them in float64 and some of its per-op formulas are
 * fractional (GlobalAveragePool divides two dimensions).
 *
 * @param flops        floating-point operations of one forward pass
 * @param paramCount   number of parameters (weights, biases; see the mode for what counts)
 * @param memoryAccess output elements plus parameters, summed over counted operators
 */
public record StaticFeatures(double flops, double paramCount, double memoryAccess) {

    /** Computes the static features of {@code graph} in the given mode. */
    public static StaticFeatures of(NetworkGraph graph, StaticFeatureMode mode) {
        return new StaticFeatureCalculator(mode).compute(graph);
    }

    /**
     * The reference's raw static vector {@code [batch, FLOPs/1e9, params/1e9, memoryAccess/1e9]}, each value
     * rounded to float32 (NNLP feeds it as is; V2 encodes each value).
     */
    public float[] scaledVector(int batchSize) {
        return new float[] {batchSize, (float) (flops / 1e9), (float) (paramCount / 1e9),
            (float) (memoryAccess / 1e9)};
    }
}
