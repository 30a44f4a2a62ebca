package org.narformer.graph;

import java.util.List;

/**
 * The value of one operator attribute (ONNX {@code AttributeProto} without the protobuf): an integer, a float,
 * a string, or a list of integers or floats. Tensor-valued attributes are kept only by their shape.
 */
public sealed interface AttributeValue {

    /** An integer attribute, e.g. {@code group}. */
    record Int(long value) implements AttributeValue { }

    /** A float attribute, e.g. {@code epsilon}. */
    record Float(double value) implements AttributeValue { }

    /** A string attribute, e.g. {@code mode}. */
    record Str(String value) implements AttributeValue { }

    /** A list of integers, e.g. {@code kernel_shape}. */
    record Ints(List<Long> values) implements AttributeValue {
        public Ints {
            values = List.copyOf(values);
        }

        public static Ints of(long... v) {
            Long[] boxed = new Long[v.length];
            for (int i = 0; i < v.length; i++) {
                boxed[i] = v[i];
            }
            return new Ints(List.of(boxed));
        }
    }

    /** A list of floats, e.g. {@code scales}. */
    record Floats(List<Double> values) implements AttributeValue {
        public Floats {
            values = List.copyOf(values);
        }
    }

    /** A tensor attribute (e.g. of a {@code Constant}), kept by data type and shape. */
    record Tensor(int dataType, TensorShape shape) implements AttributeValue { }
}
