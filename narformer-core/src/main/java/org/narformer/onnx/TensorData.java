package org.narformer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import ai.onnx.proto.OnnxMl.TensorProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/**
 * The content of a {@code TensorProto}: whether it carries data at all (weight-stripped files keep only the
 * dims), and the values of small tensors. Large tensors are never expanded element by element.
 */
final class TensorData {
    private TensorData() {
    }

    static long[] dims(TensorProto t) {
        long[] d = new long[t.getDimsCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.getDims(i);
        }
        return d;
    }

    /** True when the tensor stores no values although its shape has elements (the "no-weight" convention). */
    static boolean isStripped(TensorProto t) {
        return storedCount(t) == 0 && TensorInfo.count(dims(t)) > 0;
    }

    static boolean isExternal(TensorProto t) {
        return t.getDataLocation() == TensorProto.DataLocation.EXTERNAL;
    }

    /**
     * Number of values stored in the tensor (0 when stripped or external), or −1 when the storage is invalid:
     * {@code raw_data} that is not a whole number of elements, or values in a field of another data type.
     */
    static long storedCount(TensorProto t) {
        if (isExternal(t)) {
            return 0;
        }
        if (!t.getRawData().isEmpty()) {
            OnnxDataType type = OnnxDataType.ofCode(t.getDataType());
            int size = type == null ? 0 : type.byteSize();
            if (size == 0 || t.getRawData().size() % size != 0) {
                return -1;
            }
            return t.getRawData().size() / size;
        }
        long all = (long) t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount()
                + t.getDoubleDataCount() + t.getUint64DataCount() + t.getStringDataCount();
        OnnxDataType type = OnnxDataType.ofCode(t.getDataType());
        if (type == null) {
            return all == 0 ? 0 : -1;
        }
        long own = switch (type) {
            case FLOAT -> t.getFloatDataCount();
            case DOUBLE -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            case UINT32, UINT64 -> t.getUint64DataCount();
            case STRING -> t.getStringDataCount();
            default -> t.getInt32DataCount();
        };
        return own == all ? own : -1; // values stored in a field of another type
    }

    /**
     * The values of a tensor with at most {@link TensorInfo#FOLD_LIMIT} stored elements, or null when the
     * tensor is stripped, external, a string tensor, or larger.
     */
    static double[] smallValues(TensorProto t) {
        long n = storedCount(t);
        if (n <= 0 || n > TensorInfo.FOLD_LIMIT || n != TensorInfo.count(dims(t))) {
            return null;
        }
        OnnxDataType type = OnnxDataType.ofCode(t.getDataType());
        if (type == null || type == OnnxDataType.STRING) {
            return null;
        }
        double[] v = new double[(int) n];
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < v.length; i++) {
                v[i] = readRaw(b, type);
            }
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case FLOAT -> t.getFloatData(i);
                case DOUBLE -> t.getDoubleData(i);
                case INT64 -> t.getInt64Data(i);
                case UINT32, UINT64 -> t.getUint64Data(i);
                case FLOAT16 -> halfToFloat(t.getInt32Data(i));
                case BFLOAT16 -> Float.intBitsToFloat(t.getInt32Data(i) << 16);
                default -> t.getInt32Data(i);
            };
        }
        return v;
    }

    private static double readRaw(ByteBuffer b, OnnxDataType type) {
        return switch (type) {
            case FLOAT -> b.getFloat();
            case DOUBLE -> b.getDouble();
            case INT64, UINT64 -> b.getLong();
            case INT32 -> b.getInt();
            case UINT32 -> Integer.toUnsignedLong(b.getInt());
            case INT16 -> b.getShort();
            case UINT16 -> Short.toUnsignedInt(b.getShort());
            case INT8 -> b.get();
            case UINT8, BOOL -> Byte.toUnsignedInt(b.get());
            case FLOAT16 -> halfToFloat(Short.toUnsignedInt(b.getShort()));
            case BFLOAT16 -> Float.intBitsToFloat(Short.toUnsignedInt(b.getShort()) << 16);
            default -> throw new IllegalArgumentException("no raw layout for " + type);
        };
    }

    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0) {
            return (sign != 0 ? -1 : 1) * mant * 0x1p-24f;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /**
     * {@code count} little-endian values of {@code type} drawn uniformly from [low, high) (floating types) or
     * zeros (every other type), as {@code raw_data}.
     */
    static ByteString randomRaw(OnnxDataType type, long count, double low, double high, SplittableRandom random) {
        if (count * type.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of " + count + " elements is too large to fill");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (count * type.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        if (type == OnnxDataType.FLOAT) {
            for (long i = 0; i < count; i++) {
                b.putFloat((float) random.nextDouble(low, high));
            }
        } else if (type == OnnxDataType.DOUBLE) {
            for (long i = 0; i < count; i++) {
                b.putDouble(random.nextDouble(low, high));
            }
        }
        return UnsafeByteOperations.unsafeWrap(b.array()); // the array is never touched again
    }
}
