package org.narformer.onnx;

/**
 * ONNX tensor element types ({@code TensorProto.DataType}) the importer and {@link OnnxModelBuilder} know by
 * name. {@link #code()} is the number stored in ONNX files, e.g. for a {@code Cast} node's {@code to}
 * attribute.
 */
public enum OnnxDataType {
    FLOAT(1, 4), UINT8(2, 1), INT8(3, 1), UINT16(4, 2), INT16(5, 2), INT32(6, 4), INT64(7, 8), STRING(8, 0),
    BOOL(9, 1), FLOAT16(10, 2), DOUBLE(11, 8), UINT32(12, 4), UINT64(13, 8), BFLOAT16(16, 2);

    private final int code;
    private final int byteSize;

    OnnxDataType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /** The ONNX enum number. */
    public int code() {
        return code;
    }

    /** Bytes per element in {@code raw_data} (0 for strings). */
    public int byteSize() {
        return byteSize;
    }

    /** True for the floating-point types. */
    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE || this == FLOAT16 || this == BFLOAT16;
    }

    /** The type with ONNX number {@code code}, or null when the number is not one of these. */
    public static OnnxDataType ofCode(int code) {
        for (OnnxDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
