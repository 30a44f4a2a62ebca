package org.narformer.zoo;

import java.util.List;
import java.util.Map;

import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;

/**
 * Size of a network as PyTorch counts it, from the graph IR.
 *
 * @param paramCount trainable parameters: Conv weight and bias, BatchNormalization scale and bias (not the running
 *                   mean and variance), Gemm weight and bias
 * @param macCount   multiply-accumulates of Conv ({@code output elements × C_in/groups × k × k}) and Gemm
 *                   ({@code M × K × N}); other operators count 0
 * @param opCounts   graph nodes per op type, sorted by op type
 */
public record NetworkStats(long paramCount, long macCount, Map<String, Integer> opCounts) {

    public NetworkStats {
        opCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(opCounts));
    }

    /** The statistics of {@code graph}; shapes must be inferred (any graph from the ONNX importer). */
    public static NetworkStats of(NetworkGraph graph) {
        long params = 0;
        long macs = 0;
        for (Node n : graph.nodes()) {
            List<Operand> in = n.inputs();
            switch (n.opType()) {
                case "Conv" -> {
                    long[] w = in.get(1).shape().dims();
                    params += constantCount(in, 1, in.size());
                    macs += n.outputShape().elementCount() * w[1] * w[2] * w[3];
                }
                case "Gemm" -> {
                    long[] a = in.get(0).shape().dims();
                    long[] out = n.outputShape().dims();
                    params += constantCount(in, 1, in.size());
                    long k = n.intAttribute("transA", 0) == 0 ? a[1] : a[0];
                    macs += out[0] * out[1] * k;
                }
                case "BatchNormalization" -> params += constantCount(in, 1, 3);
                default -> { }
            }
        }
        return new NetworkStats(params, macs, graph.opHistogram());
    }

    private static long constantCount(List<Operand> in, int from, int to) {
        long n = 0;
        for (int i = from; i < Math.min(to, in.size()); i++) {
            if (in.get(i).constant()) {
                n += in.get(i).shape().elementCount();
            }
        }
        return n;
    }
}
