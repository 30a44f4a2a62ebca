package org.narformer.graph;

import java.util.Arrays;

/**
 * An immutable tensor shape, e.g. {@code [1, 64, 56, 56]}. A shape may be {@link #UNKNOWN} (never inferred,
 * as for the operation nodes of a NAS-Bench cell) or scalar (rank 0). Dimensions are non-negative.
 */
public final class TensorShape {
    /** No shape information (cells, or a tensor whose shape is not inferred). */
    public static final TensorShape UNKNOWN = new TensorShape(null);
    /** A rank-0 tensor. */
    public static final TensorShape SCALAR = new TensorShape(new long[0]);

    private final long[] dims;

    private TensorShape(long[] dims) {
        this.dims = dims;
    }

    public static TensorShape of(long... dims) {
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
        }
        return new TensorShape(dims.clone());
    }

    public static TensorShape of(java.util.List<Long> dims) {
        long[] a = new long[dims.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = dims.get(i);
        }
        return of(a);
    }

    public boolean isKnown() {
        return dims != null;
    }

    /** Rank; throws if the shape is unknown. */
    public int rank() {
        return known().length;
    }

    public long dim(int axis) {
        return known()[axis];
    }

    /** A copy of the dimensions; throws if the shape is unknown. */
    public long[] dims() {
        return known().clone();
    }

    /** Product of the dimensions (1 for a scalar); throws if the shape is unknown. */
    public long elementCount() {
        long n = 1;
        for (long d : known()) {
            n *= d;
        }
        return n;
    }

    private long[] known() {
        if (dims == null) {
            throw new IllegalStateException("shape is unknown");
        }
        return dims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        if (dims == null) {
            return "?";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(dims[i]);
        }
        return sb.append(']').toString();
    }
}
