package org.narformer.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of a {@link NetworkGraph}. For a whole network a node is one <em>output tensor</em> of an operator
 * (the reference construction: an operator with k outputs gives k nodes with {@code outputIndex} 0..k−1);
 * for a NAS cell it is one operation of the cell.
 *
 * @param name        unique within the graph (the ONNX output tensor name, or e.g. {@code "n3"} in a cell)
 * @param opType      operator type as spelled by ONNX ({@code "Conv"}), {@code "Input"} for source tensors, or
 *                    the cell operation name ({@code "nor_conv_3x3"})
 * @param attributes  operator attributes, sorted by name
 * @param inputs      every input of the operator in operator order, data and constant alike
 * @param outputShape the shape of this node's tensor ({@link TensorShape#UNKNOWN} for cells)
 * @param outputIndex which output of its operator this node is (0 for single-output operators)
 * @param outputCount how many outputs its operator has (1 for most)
 */
public record Node(String name, String opType, Map<String, AttributeValue> attributes, List<Operand> inputs,
                   TensorShape outputShape, int outputIndex, int outputCount) {

    public Node {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("node name is required");
        }
        if (opType == null || opType.isEmpty()) {
            throw new IllegalArgumentException("node '" + name + "' has no op type");
        }
        attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        inputs = List.copyOf(inputs);
        if (outputShape == null) {
            outputShape = TensorShape.UNKNOWN;
        }
        if (outputIndex < 0 || outputIndex >= outputCount) {
            throw new IllegalArgumentException("node '" + name + "': output index " + outputIndex
                    + " outside 0.." + (outputCount - 1));
        }
    }

    /** A single-output node without attributes or operands: a cell operation or a bare source. */
    public static Node simple(String name, String opType) {
        return new Node(name, opType, Map.of(), List.of(), TensorShape.UNKNOWN, 0, 1);
    }

    /** The integer attribute {@code key}, or {@code defaultValue} when absent. */
    public long intAttribute(String key, long defaultValue) {
        AttributeValue v = attributes.get(key);
        if (v instanceof AttributeValue.Int i) {
            return i.value();
        }
        return defaultValue;
    }

    /** The integer-list attribute {@code key}, or an empty list when absent. */
    public List<Long> intsAttribute(String key) {
        AttributeValue v = attributes.get(key);
        if (v instanceof AttributeValue.Ints i) {
            return i.values();
        }
        return List.of();
    }

    /** The string attribute {@code key}, or {@code defaultValue} when absent. */
    public String stringAttribute(String key, String defaultValue) {
        AttributeValue v = attributes.get(key);
        if (v instanceof AttributeValue.Str s) {
            return s.value();
        }
        return defaultValue;
    }
}
