package org.narformer.cells;

/**
 * The node operations of a NAS-Bench-201 cell graph: the five edge operations of the architecture string plus
 * the {@code input} and {@code output} nodes of the V2 operation-on-node graph. {@link #code()} is the category
 * code of NAR-Former V2 ({@code transform_operations_category_201}), also used by NAR-Former V1.
 */
public enum Nb201Op {
    INPUT("input", 0),
    NOR_CONV_1X1("nor_conv_1x1", 1),
    NOR_CONV_3X3("nor_conv_3x3", 2),
    AVG_POOL_3X3("avg_pool_3x3", 3),
    SKIP_CONNECT("skip_connect", 4),
    NONE("none", 5),
    OUTPUT("output", 6);

    private final String opName;
    private final int code;

    Nb201Op(String opName, int code) {
        this.opName = opName;
        this.code = code;
    }

    /** The name used in architecture strings and as the graph node's op type, e.g. {@code nor_conv_3x3}. */
    public String opName() {
        return opName;
    }

    /** The reference category code: input 0, nor_conv_1x1 1, nor_conv_3x3 2, avg_pool_3x3 3, skip 4, none 5, output 6. */
    public int code() {
        return code;
    }

    /** True for the five operations that may label a cell edge (everything but input and output). */
    public boolean isEdgeOp() {
        return this != INPUT && this != OUTPUT;
    }

    /** The operation named {@code name}, or null. */
    public static Nb201Op byName(String name) {
        for (Nb201Op op : values()) {
            if (op.opName.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
