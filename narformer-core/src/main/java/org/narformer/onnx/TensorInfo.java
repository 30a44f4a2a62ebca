package org.narformer.onnx;

import java.util.Arrays;

import org.narformer.graph.TensorShape;

/**
 * What shape inference knows about one tensor: its element type (ONNX code), its dimensions, and — for small
 * tensors whose content is known (shape vectors, axes, scalars; at most {@link #FOLD_LIMIT} elements) — its
 * values, row-major, as doubles (int64 shape arithmetic stays exact below 2^53; {@code INT64_MAX} used as
 * "to the end" in {@code Slice} survives as a saturating double).
 */
record TensorInfo(int elemType, long[] dims, double[] values) {
    /** Largest tensor whose values are folded; larger ones keep their shape only. */
    static final int FOLD_LIMIT = 4096;

    TensorInfo {
        if (values != null && values.length != count(dims)) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(dims));
        }
    }

    static TensorInfo of(int elemType, long[] dims) {
        return new TensorInfo(elemType, dims, null);
    }

    /** Values are kept only when small enough. */
    static TensorInfo withValues(int elemType, long[] dims, double[] values) {
        return new TensorInfo(elemType, dims, values != null && values.length <= FOLD_LIMIT ? values : null);
    }

    int rank() {
        return dims.length;
    }

    long count() {
        return count(dims);
    }

    boolean hasValues() {
        return values != null;
    }

    boolean isInteger() {
        OnnxDataType t = OnnxDataType.ofCode(elemType);
        return t != null && !t.isFloating();
    }

    /** The values as longs (truncated toward zero); throws if unknown. */
    long[] longValues() {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) values[i];
        }
        return out;
    }

    TensorShape shape() {
        return TensorShape.of(dims);
    }

    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.elemType == elemType && Arrays.equals(t.dims, dims)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + elemType;
    }

    @Override
    public String toString() {
        return Arrays.toString(dims) + (values == null ? "" : "=" + Arrays.toString(values));
    }
}
