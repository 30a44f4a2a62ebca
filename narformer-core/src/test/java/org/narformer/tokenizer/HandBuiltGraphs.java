package org.narformer.tokenizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.graph.AttributeValue;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;
import org.narformer.graph.TensorShape;

/** Small graphs built by hand the way the ONNX importer builds them (a node per output tensor). */
public final class HandBuiltGraphs {
    private HandBuiltGraphs() {
    }

    public static Operand data(String name, long... dims) {
        return new Operand(name, TensorShape.of(dims), false);
    }

    public static Operand constant(String name, long... dims) {
        return new Operand(name, TensorShape.of(dims), true);
    }

    public static Node input(String name, long... dims) {
        return new Node(name, "Input", Map.of(), List.of(), TensorShape.of(dims), 0, 1);
    }

    public static Node op(String name, String opType, Map<String, AttributeValue> attributes, List<Operand> inputs,
                          long... outDims) {
        return new Node(name, opType, attributes, inputs, TensorShape.of(outDims), 0, 1);
    }

    public static Map<String, AttributeValue> attrs(Object... keyValues) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put((String) keyValues[i], v instanceof long[] l ? AttributeValue.Ints.of(l)
                    : v instanceof String s ? new AttributeValue.Str(s) : new AttributeValue.Int((Long) v));
        }
        return m;
    }

    /**
     * A tiny CNN: x[1,3,8,8] → Conv 3×3 (4 out, bias, pad 1) → BatchNormalization → Relu → MaxPool 2×2/2 →
     * GlobalAveragePool → Flatten → Gemm(transB, 10 out, bias) [1,10]. 8 nodes, 7 edges.
     */
    public static NetworkGraph tinyCnn() {
        return NetworkGraph.builder("tiny-cnn")
                .addNode(input("x", 1, 3, 8, 8))
                .addNode(op("c", "Conv", attrs("kernel_shape", new long[] {3, 3}, "strides", new long[] {1, 1},
                                "pads", new long[] {1, 1, 1, 1}),
                        List.of(data("x", 1, 3, 8, 8), constant("w", 4, 3, 3, 3), constant("b", 4)), 1, 4, 8, 8))
                .addNode(op("bn", "BatchNormalization", Map.of(), List.of(data("c", 1, 4, 8, 8),
                        constant("s", 4), constant("bb", 4), constant("m", 4), constant("v", 4)), 1, 4, 8, 8))
                .addNode(op("r", "Relu", Map.of(), List.of(data("bn", 1, 4, 8, 8)), 1, 4, 8, 8))
                .addNode(op("p", "MaxPool", attrs("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}),
                        List.of(data("r", 1, 4, 8, 8)), 1, 4, 4, 4))
                .addNode(op("g", "GlobalAveragePool", Map.of(), List.of(data("p", 1, 4, 4, 4)), 1, 4, 1, 1))
                .addNode(op("f", "Flatten", attrs("axis", 1L), List.of(data("g", 1, 4, 1, 1)), 1, 4))
                .addNode(op("y", "Gemm", attrs("transB", 1L),
                        List.of(data("f", 1, 4), constant("W", 10, 4), constant("B", 10)), 1, 10))
                .addEdge("x", "c").addEdge("c", "bn").addEdge("bn", "r").addEdge("r", "p").addEdge("p", "g")
                .addEdge("g", "f").addEdge("f", "y")
                .build();
    }

    /**
     * A transformer-style block: x[1,4,8] → LayerNormalization → MatMul(Wq[8,8]) → Add(bq[8]) → Clip(0, 6) →
     * Transpose(0,2,1); MatMul(clip, transpose) [1,4,4] → Softmax(axis −1) → Erf. The constants feeding Add and
     * Clip are {@code Input} nodes, as in the reference. 11 nodes.
     */
    public static NetworkGraph attentionBlock() {
        return NetworkGraph.builder("attention")
                .addNode(input("x", 1, 4, 8))
                .addNode(op("ln", "LayerNormalization", attrs("axis", -1L),
                        List.of(data("x", 1, 4, 8), constant("gamma", 8), constant("beta", 8)), 1, 4, 8))
                .addNode(op("mm", "MatMul", Map.of(), List.of(data("ln", 1, 4, 8), constant("Wq", 8, 8)), 1, 4, 8))
                .addNode(input("bq", 8))
                .addNode(op("ad", "Add", Map.of(), List.of(data("mm", 1, 4, 8), constant("bq", 8)), 1, 4, 8))
                .addNode(new Node("lo", "Input", Map.of(), List.of(), TensorShape.SCALAR, 0, 1))
                .addNode(new Node("hi", "Input", Map.of(), List.of(), TensorShape.SCALAR, 0, 1))
                .addNode(new Node("cl", "Clip", Map.of(), List.of(data("ad", 1, 4, 8),
                        new Operand("lo", TensorShape.SCALAR, true), new Operand("hi", TensorShape.SCALAR, true)),
                        TensorShape.of(1, 4, 8), 0, 1))
                .addNode(op("tr", "Transpose", attrs("perm", new long[] {0, 2, 1}), List.of(data("cl", 1, 4, 8)),
                        1, 8, 4))
                .addNode(op("s", "MatMul", Map.of(), List.of(data("cl", 1, 4, 8), data("tr", 1, 8, 4)), 1, 4, 4))
                .addNode(op("sm", "Softmax", attrs("axis", -1L), List.of(data("s", 1, 4, 4)), 1, 4, 4))
                .addNode(op("e", "Erf", Map.of(), List.of(data("sm", 1, 4, 4)), 1, 4, 4))
                .addEdge("x", "ln").addEdge("ln", "mm").addEdge("mm", "ad").addEdge("bq", "ad")
                .addEdge("ad", "cl").addEdge("lo", "cl").addEdge("hi", "cl").addEdge("cl", "tr")
                .addEdge("cl", "s").addEdge("tr", "s").addEdge("s", "sm").addEdge("sm", "e")
                .build();
    }
}
