package org.narformer.cells;

/**
 * The vertex operations of a NAS-Bench-101 cell. Each has two integer identities:
 * {@link #label()}, the official NAS-Bench-101 label used by the cell hash and by the data files
 * (input −1, conv3x3 0, conv1x1 1, maxpool 2, output −2), and {@link #code()}, the NAR-Former category code
 * ({@code transform_operations_category_101}: input 0, conv1x1 1, conv3x3 2, maxpool 3, output 4).
 */
public enum Nb101Op {
    INPUT("input", -1, 0),
    CONV1X1("conv1x1-bn-relu", 1, 1),
    CONV3X3("conv3x3-bn-relu", 0, 2),
    MAXPOOL3X3("maxpool3x3", 2, 3),
    OUTPUT("output", -2, 4);

    private final String opName;
    private final int label;
    private final int code;

    Nb101Op(String opName, int label, int code) {
        this.opName = opName;
        this.label = label;
        this.code = code;
    }

    /** The official operation name, used as the graph node's op type, e.g. {@code conv3x3-bn-relu}. */
    public String opName() {
        return opName;
    }

    /** The official NAS-Bench-101 integer label (hash input): input −1, conv3x3 0, conv1x1 1, maxpool 2, output −2. */
    public int label() {
        return label;
    }

    /** The NAR-Former category code: input 0, conv1x1 1, conv3x3 2, maxpool 3, output 4. */
    public int code() {
        return code;
    }

    /** True for the three operations an intermediate vertex may have. */
    public boolean isIntermediate() {
        return this != INPUT && this != OUTPUT;
    }

    /** The operation named {@code name}, or null. */
    public static Nb101Op byName(String name) {
        for (Nb101Op op : values()) {
            if (op.opName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** The operation with official label {@code label}, or null. */
    public static Nb101Op byLabel(int label) {
        for (Nb101Op op : values()) {
            if (op.label == label) {
                return op;
            }
        }
        return null;
    }
}
