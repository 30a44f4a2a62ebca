package org.narformer.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import com.google.protobuf.ByteString;

import org.narformer.graph.AttributeValue;
import org.narformer.graph.TensorShape;

/** Reading ONNX node attributes, and converting them to and from {@link AttributeValue}. */
final class Attributes {
    private Attributes() {
    }

    static AttributeProto find(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    static long getInt(NodeProto node, String name, long defaultValue) {
        AttributeProto a = find(node, name);
        return a == null ? defaultValue : a.getI();
    }

    static String getString(NodeProto node, String name, String defaultValue) {
        AttributeProto a = find(node, name);
        return a == null ? defaultValue : a.getS().toStringUtf8();
    }

    /** The int-list attribute, or null when absent. */
    static long[] getInts(NodeProto node, String name) {
        AttributeProto a = find(node, name);
        if (a == null) {
            return null;
        }
        long[] v = new long[a.getIntsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getInts(i);
        }
        return v;
    }

    /** The float-list attribute, or null when absent. */
    static double[] getFloats(NodeProto node, String name) {
        AttributeProto a = find(node, name);
        if (a == null) {
            return null;
        }
        double[] v = new double[a.getFloatsCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getFloats(i);
        }
        return v;
    }

    /**
     * The node's attributes as {@link AttributeValue}s, sorted by name. Attributes of kinds the IR does not
     * model (sub-graphs, string lists, sparse tensors, type protos) are left out; tensor attributes keep only
     * their data type and shape.
     */
    static Map<String, AttributeValue> toValues(NodeProto node) {
        Map<String, AttributeValue> out = new TreeMap<>();
        for (AttributeProto a : node.getAttributeList()) {
            AttributeValue v = toValue(a);
            if (v != null) {
                out.put(a.getName(), v);
            }
        }
        return out;
    }

    private static AttributeValue toValue(AttributeProto a) {
        AttributeProto.AttributeType type = a.getType();
        if (type == AttributeProto.AttributeType.UNDEFINED) {
            type = guessType(a); // IR < 3 files may leave the type unset
        }
        switch (type) {
            case INT:
                return new AttributeValue.Int(a.getI());
            case FLOAT:
                return new AttributeValue.Float(a.getF());
            case STRING:
                return new AttributeValue.Str(a.getS().toStringUtf8());
            case INTS: {
                long[] v = new long[a.getIntsCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = a.getInts(i);
                }
                return AttributeValue.Ints.of(v);
            }
            case FLOATS: {
                List<Double> v = new ArrayList<>(a.getFloatsCount());
                for (float f : a.getFloatsList()) {
                    v.add((double) f);
                }
                return new AttributeValue.Floats(v);
            }
            case TENSOR:
                return new AttributeValue.Tensor(a.getT().getDataType(), TensorShape.of(a.getT().getDimsList()));
            default:
                return null;
        }
    }

    private static AttributeProto.AttributeType guessType(AttributeProto a) {
        if (a.getIntsCount() > 0) {
            return AttributeProto.AttributeType.INTS;
        }
        if (a.getFloatsCount() > 0) {
            return AttributeProto.AttributeType.FLOATS;
        }
        if (a.hasT()) {
            return AttributeProto.AttributeType.TENSOR;
        }
        if (a.hasS()) {
            return AttributeProto.AttributeType.STRING;
        }
        if (a.hasF()) {
            return AttributeProto.AttributeType.FLOAT;
        }
        if (a.hasI()) {
            return AttributeProto.AttributeType.INT;
        }
        return AttributeProto.AttributeType.UNDEFINED;
    }

    /**
     * An {@link AttributeValue} as an ONNX attribute. A {@link AttributeValue.Tensor} carries no data, so it
     * is written as a stripped tensor (dims only); use {@link OnnxModelBuilder}'s constant methods for data.
     */
    static AttributeProto toProto(String name, AttributeValue value) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
        if (value instanceof AttributeValue.Int v) {
            b.setType(AttributeProto.AttributeType.INT).setI(v.value());
        } else if (value instanceof AttributeValue.Float v) {
            b.setType(AttributeProto.AttributeType.FLOAT).setF((float) v.value());
        } else if (value instanceof AttributeValue.Str v) {
            b.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFrom(v.value(), StandardCharsets.UTF_8));
        } else if (value instanceof AttributeValue.Ints v) {
            b.setType(AttributeProto.AttributeType.INTS).addAllInts(v.values());
        } else if (value instanceof AttributeValue.Floats v) {
            b.setType(AttributeProto.AttributeType.FLOATS);
            for (double d : v.values()) {
                b.addFloats((float) d);
            }
        } else if (value instanceof AttributeValue.Tensor v) {
            TensorProto.Builder t = TensorProto.newBuilder().setDataType(v.dataType());
            for (long d : v.shape().dims()) {
                t.addDims(d);
            }
            b.setType(AttributeProto.AttributeType.TENSOR).setT(t);
        }
        return b.build();
    }
}
