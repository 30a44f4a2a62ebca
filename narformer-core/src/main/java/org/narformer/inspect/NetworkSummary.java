package org.narformer.inspect;

import java.util.Map;
import java.util.SortedMap;

/**
 * What {@code narformer inspect} reports for one network: graph size, op histogram, input shapes, static
 * features in both counting modes, and the V2 token dimensions with checksums (sums of all values — a quick
 * way to compare our tokens with the reference's).
 *
 * @param source               the file
 * @param opsetVersion         ONNX opset of the default domain
 * @param nodeCount            graph nodes (one per operator output, plus {@code Input} nodes)
 * @param edgeCount            directed data edges
 * @param opHistogram          nodes per op type, sorted by op type
 * @param inputShapes          the network's real inputs (not initializers) and their shapes at the batch size
 * @param batchSize            batch size forced on the inputs
 * @param flops                FLOPs, reference-compatible counting
 * @param paramCount           parameters, reference-compatible counting
 * @param memoryAccess         memory access (elements), reference-compatible counting
 * @param extendedFlops        FLOPs, extended counting (also MatMul, LayerNorm, hard activations, ...)
 * @param extendedParamCount   parameters, extended counting (weights and biases each op uses)
 * @param extendedMemoryAccess memory access, extended counting
 * @param tokenDim             V2 token width (152)
 * @param staticDim            V2 static-feature width (40)
 * @param tokenSum             sum of all V2 token values
 * @param staticSum            sum of the V2 static-feature vector
 */
public record NetworkSummary(String source, int opsetVersion, int nodeCount, int edgeCount,
                             SortedMap<String, Integer> opHistogram, Map<String, String> inputShapes, int batchSize,
                             double flops, double paramCount, double memoryAccess,
                             double extendedFlops, double extendedParamCount, double extendedMemoryAccess,
                             int tokenDim, int staticDim, double tokenSum, double staticSum) {
}
