package org.narformer.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Output shapes (and, for small constant tensors, output values) of one ONNX operator from its inputs' —
 * the per-operator rules of {@link OnnxShapeInference}. Rules follow the ONNX operator specification for
 * opsets 7..18 (attributes that became inputs, e.g. {@code axes} of {@code Squeeze} at opset 13, are read
 * from whichever form the node's opset uses).
 *
 * <p>Throws {@link UnsupportedOperationException} when the operator is unknown or its output shape depends
 * on a value that is not a known constant (e.g. a {@code Reshape} target computed from data), and
 * {@link IllegalArgumentException} when the node is malformed (wrong input count, shapes that do not
 * broadcast, a kernel larger than its input).
 */
final class OpShapes {
    private static final int FLOAT = OnnxDataType.FLOAT.code();
    private static final int INT64 = OnnxDataType.INT64.code();
    private static final int BOOL = OnnxDataType.BOOL.code();

    /** Operators whose single output has the shape and type of input 0. */
    private static final Set<String> SAME_SHAPE = Set.of("Relu", "Sigmoid", "Tanh", "Erf", "Sqrt", "Exp", "Log",
            "Neg", "Abs", "Reciprocal", "Floor", "Ceil", "Round", "Sign", "Not", "HardSigmoid", "HardSwish",
            "LeakyRelu", "Elu", "Selu", "Celu", "Softplus", "Softsign", "Gelu", "Mish", "Clip", "Identity",
            "Softmax", "LogSoftmax", "Hardmax", "LRN", "InstanceNormalization", "LpNormalization",
            "MeanVarianceNormalization", "Cos", "Sin", "Tan", "Acos", "Asin", "Atan", "Cosh", "Sinh", "Acosh",
            "Asinh", "Atanh", "ThresholdedRelu", "Shrink", "CumSum", "Trilu", "GroupNormalization",
            "ReverseSequence", "Scatter", "ScatterElements", "ScatterND", "RandomNormalLike",
            "RandomUniformLike", "Bernoulli");

    private final int opset;
    private NodeProto node;
    private TensorInfo[] in;

    OpShapes(int opset) {
        this.opset = opset;
    }

    /**
     * @param node   the operator
     * @param inputs its inputs in order, null where an optional input is omitted
     * @return one entry per output of the operator (at least {@code node.getOutputCount()})
     */
    TensorInfo[] infer(NodeProto node, TensorInfo[] inputs) {
        this.node = node;
        this.in = inputs;
        String op = node.getOpType();
        if (SAME_SHAPE.contains(op)) {
            return one(unaryFold(op, in(0)));
        }
        return switch (op) {
            case "Add", "Sub", "Mul", "Div", "Pow", "Mod", "PRelu", "BitShift" -> one(binary(op, in(0), in(1)));
            case "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor" ->
                    one(compare(op, in(0), in(1)));
            case "Max", "Min", "Sum", "Mean" -> one(variadic(op));
            case "Where" -> one(where());
            case "IsNaN", "IsInf" -> one(TensorInfo.of(BOOL, in(0).dims()));
            case "Constant" -> one(constant());
            case "Conv", "ConvInteger" -> one(conv(0, 1));
            case "QLinearConv" -> one(conv(0, 3));
            case "ConvTranspose" -> one(convTranspose());
            case "MaxPool", "AveragePool", "LpPool" -> pool(op);
            case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" -> one(globalPool());
            case "BatchNormalization" -> batchNorm();
            case "LayerNormalization" -> layerNorm();
            case "Dropout" -> new TensorInfo[] {in(0), TensorInfo.of(BOOL, in(0).dims())};
            case "Gemm" -> one(gemm());
            case "MatMul", "MatMulInteger" -> one(matMul(in(0), in(1)));
            case "Flatten" -> one(flatten());
            case "Reshape" -> one(reshape());
            case "Transpose" -> one(transpose());
            case "Squeeze" -> one(squeeze());
            case "Unsqueeze" -> one(unsqueeze());
            case "Concat" -> one(concat());
            case "Split" -> split();
            case "Slice" -> one(slice());
            case "Gather" -> one(gather());
            case "GatherElements" -> one(TensorInfo.of(in(0).elemType(), in(1).dims()));
            case "GatherND" -> one(gatherNd());
            case "Cast" -> one(cast(in(0), (int) Attributes.getInt(node, "to", FLOAT)));
            case "CastLike" -> one(cast(in(0), in(1).elemType()));
            case "Shape" -> one(shapeOf());
            case "Size" -> one(TensorInfo.withValues(INT64, new long[0], new double[] {in(0).count()}));
            case "ConstantOfShape" -> one(constantOfShape());
            case "Range" -> one(range());
            case "Expand" -> one(expand());
            case "Tile" -> one(tile());
            case "Pad" -> one(pad());
            case "Resize" -> one(resize());
            case "Upsample" -> one(upsample());
            case "DepthToSpace", "SpaceToDepth" -> one(depthSpace(op));
            case "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2",
                    "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare" -> one(reduce(op));
            case "ArgMax", "ArgMin" -> one(argReduce());
            case "TopK" -> topK();
            case "OneHot" -> one(oneHot());
            case "EyeLike" -> one(TensorInfo.of((int) Attributes.getInt(node, "dtype", in(0).elemType()),
                    in(0).dims()));
            case "RNN", "GRU", "LSTM" -> recurrent();
            case "Einsum" -> one(einsum());
            case "Det" -> one(TensorInfo.of(in(0).elemType(), Arrays.copyOf(in(0).dims(),
                    Math.max(in(0).rank() - 2, 0))));
            case "RoiAlign", "MaxRoiPool" -> one(roiPool(op));
            case "MaxUnpool" -> one(maxUnpool());
            case "QLinearMatMul" -> one(TensorInfo.of(in(7).elemType(), matMul(in(0), in(3)).dims()));
            case "DynamicQuantizeLinear" -> new TensorInfo[] {TensorInfo.of(OnnxDataType.UINT8.code(),
                in(0).dims()), TensorInfo.of(FLOAT, new long[0]), TensorInfo.of(OnnxDataType.UINT8.code(),
                new long[0])};
            case "RandomNormal", "RandomUniform" -> one(TensorInfo.of((int) Attributes.getInt(node, "dtype", FLOAT),
                    requiredInts("shape")));
            case "QuantizeLinear" -> one(TensorInfo.of(opt(2) == null ? OnnxDataType.UINT8.code()
                    : opt(2).elemType(), in(0).dims()));
            case "DequantizeLinear" -> one(TensorInfo.of(FLOAT, in(0).dims()));
            default -> throw new UnsupportedOperationException("no shape rule for operator " + op
                    + (node.getDomain().isEmpty() ? "" : " of domain '" + node.getDomain() + "'"));
        };
    }

    // ---------------------------------------------------------------- inputs and small helpers

    /** Input {@code i}, required. */
    private TensorInfo in(int i) {
        if (i >= in.length || in[i] == null) {
            throw new IllegalArgumentException(node.getOpType() + " needs input " + i + " but it is missing");
        }
        return in[i];
    }

    /** Input {@code i}, or null when omitted. */
    private TensorInfo opt(int i) {
        return i < in.length ? in[i] : null;
    }

    /** The values of input {@code i}, which must be a known constant. */
    private long[] constInts(int i, String what) {
        TensorInfo t = in(i);
        if (!t.hasValues()) {
            throw new UnsupportedOperationException("the " + what + " (input " + i + ") is not a constant");
        }
        return t.longValues();
    }

    private long[] requiredInts(String attribute) {
        long[] v = Attributes.getInts(node, attribute);
        if (v == null) {
            throw new IllegalArgumentException(node.getOpType() + " has no " + attribute + " attribute");
        }
        return v;
    }

    private static TensorInfo[] one(TensorInfo t) {
        return new TensorInfo[] {t};
    }

    private static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    private static long prod(long[] dims, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n *= dims[i];
        }
        return n;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long[] toDims(double[] v) {
        long[] d = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = (long) v[i];
        }
        return d;
    }

    private static double[] toValues(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static boolean small(long[] dims) {
        return TensorInfo.count(dims) <= TensorInfo.FOLD_LIMIT;
    }

    // ---------------------------------------------------------------- element-wise

    /** Numpy multidirectional broadcasting of the given shapes. */
    static long[] broadcast(long[]... shapes) {
        int rank = 0;
        for (long[] s : shapes) {
            rank = Math.max(rank, s.length);
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int o = rank - s.length + i;
                long d = s[i];
                if (d == out[o] || d == 1) {
                    continue;
                }
                if (out[o] != 1) {
                    throw new IllegalArgumentException("shapes " + describe(shapes) + " do not broadcast");
                }
                out[o] = d;
            }
        }
        return out;
    }

    private static String describe(long[]... shapes) {
        StringBuilder sb = new StringBuilder();
        for (long[] s : shapes) {
            sb.append(sb.length() == 0 ? "" : " and ").append(Arrays.toString(s));
        }
        return sb.toString();
    }

    /** The flat index into a tensor of shape {@code dims} that broadcasts to output index {@code flat}. */
    private static int broadcastIndex(long[] outDims, long flat, long[] dims) {
        long idx = 0;
        long stride = 1;
        int off = outDims.length - dims.length;
        for (int i = outDims.length - 1; i >= off; i--) {
            long coord = flat % outDims[i];
            flat /= outDims[i];
            long d = dims[i - off];
            if (d != 1) {
                idx += coord * stride;
            }
            stride *= d;
        }
        return (int) idx;
    }

    private static double[] foldBroadcast(long[] outDims, DoubleBinaryOperator f, TensorInfo a, TensorInfo b) {
        if (!a.hasValues() || !b.hasValues() || !small(outDims)) {
            return null;
        }
        double[] out = new double[(int) TensorInfo.count(outDims)];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(a.values()[broadcastIndex(outDims, i, a.dims())],
                    b.values()[broadcastIndex(outDims, i, b.dims())]);
        }
        return out;
    }

    private TensorInfo unaryFold(String op, TensorInfo x) {
        DoubleUnaryOperator f = switch (op) {
            case "Identity" -> v -> v;
            case "Neg" -> v -> -v;
            case "Abs" -> Math::abs;
            case "Floor" -> Math::floor;
            case "Ceil" -> Math::ceil;
            case "Round" -> Math::rint;
            case "Sqrt" -> Math::sqrt;
            case "Relu" -> v -> Math.max(v, 0);
            case "Sign" -> Math::signum;
            case "Not" -> v -> v == 0 ? 1 : 0;
            default -> null;
        };
        if (f == null || !x.hasValues()) {
            return TensorInfo.of(x.elemType(), x.dims());
        }
        return TensorInfo.withValues(x.elemType(), x.dims(), Arrays.stream(x.values()).map(f).toArray());
    }

    private TensorInfo binary(String op, TensorInfo a, TensorInfo b) {
        long[] dims = broadcast(a.dims(), b.dims());
        if (op.equals("PRelu") && !Arrays.equals(dims, a.dims())) {
            throw new IllegalArgumentException("PRelu slope " + Arrays.toString(b.dims()) + " must broadcast to "
                    + Arrays.toString(a.dims()));
        }
        boolean integer = a.isInteger();
        boolean fmod = Attributes.getInt(node, "fmod", 0) != 0;
        DoubleBinaryOperator f = switch (op) {
            case "Add" -> Double::sum;
            case "Sub" -> (x, y) -> x - y;
            case "Mul" -> (x, y) -> x * y;
            case "Div" -> integer ? (x, y) -> (double) ((long) x / (long) y) : (x, y) -> x / y;
            case "Pow" -> Math::pow;
            case "Mod" -> fmod || !integer ? (x, y) -> x % y : (x, y) -> (double) Math.floorMod((long) x, (long) y);
            default -> null;
        };
        double[] values = f == null ? null : foldBroadcast(dims, f, a, b);
        return TensorInfo.withValues(a.elemType(), dims, values);
    }

    private TensorInfo compare(String op, TensorInfo a, TensorInfo b) {
        long[] dims = broadcast(a.dims(), b.dims());
        DoubleBinaryOperator f = switch (op) {
            case "Equal" -> (x, y) -> x == y ? 1 : 0;
            case "Less" -> (x, y) -> x < y ? 1 : 0;
            case "Greater" -> (x, y) -> x > y ? 1 : 0;
            case "LessOrEqual" -> (x, y) -> x <= y ? 1 : 0;
            case "GreaterOrEqual" -> (x, y) -> x >= y ? 1 : 0;
            case "And" -> (x, y) -> x != 0 && y != 0 ? 1 : 0;
            case "Or" -> (x, y) -> x != 0 || y != 0 ? 1 : 0;
            default -> (x, y) -> (x != 0) != (y != 0) ? 1 : 0;
        };
        return TensorInfo.withValues(BOOL, dims, foldBroadcast(dims, f, a, b));
    }

    private TensorInfo variadic(String op) {
        if (in.length == 0) {
            throw new IllegalArgumentException(op + " needs at least one input");
        }
        TensorInfo acc = in(0);
        DoubleBinaryOperator f = switch (op) {
            case "Max" -> Math::max;
            case "Min" -> Math::min;
            default -> Double::sum;
        };
        for (int i = 1; i < in.length; i++) {
            long[] dims = broadcast(acc.dims(), in(i).dims());
            acc = TensorInfo.withValues(acc.elemType(), dims, foldBroadcast(dims, f, acc, in(i)));
        }
        if (op.equals("Mean") && acc.hasValues()) {
            double n = in.length;
            acc = TensorInfo.withValues(acc.elemType(), acc.dims(), Arrays.stream(acc.values()).map(v -> v / n)
                    .toArray());
        }
        return acc;
    }

    private TensorInfo where() {
        TensorInfo c = in(0);
        TensorInfo x = in(1);
        TensorInfo y = in(2);
        long[] dims = broadcast(c.dims(), x.dims(), y.dims());
        double[] values = null;
        if (c.hasValues() && x.hasValues() && y.hasValues() && small(dims)) {
            values = new double[(int) TensorInfo.count(dims)];
            for (int i = 0; i < values.length; i++) {
                boolean cond = c.values()[broadcastIndex(dims, i, c.dims())] != 0;
                TensorInfo pick = cond ? x : y;
                values[i] = pick.values()[broadcastIndex(dims, i, pick.dims())];
            }
        }
        return TensorInfo.withValues(x.elemType(), dims, values);
    }

    private TensorInfo cast(TensorInfo x, int to) {
        if (!x.hasValues()) {
            return TensorInfo.of(to, x.dims());
        }
        OnnxDataType t = OnnxDataType.ofCode(to);
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            if (t == OnnxDataType.BOOL) {
                v[i] = v[i] != 0 ? 1 : 0;
            } else if (t != null && !t.isFloating()) {
                v[i] = (long) v[i];
            }
        }
        return TensorInfo.withValues(to, x.dims(), v);
    }

    // ---------------------------------------------------------------- constants

    private TensorInfo constant() {
        for (AttributeProto a : node.getAttributeList()) {
            switch (a.getName()) {
                case "value": {
                    TensorProto t = a.getT();
                    return TensorInfo.withValues(t.getDataType(), TensorData.dims(t), TensorData.smallValues(t));
                }
                case "value_float":
                    return TensorInfo.withValues(FLOAT, new long[0], new double[] {a.getF()});
                case "value_int":
                    return TensorInfo.withValues(INT64, new long[0], new double[] {a.getI()});
                case "value_floats":
                    return TensorInfo.withValues(FLOAT, new long[] {a.getFloatsCount()},
                            a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
                case "value_ints":
                    return TensorInfo.withValues(INT64, new long[] {a.getIntsCount()},
                            a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
                case "value_string":
                    return TensorInfo.of(OnnxDataType.STRING.code(), new long[0]);
                case "value_strings":
                    return TensorInfo.of(OnnxDataType.STRING.code(), new long[] {a.getStringsCount()});
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("Constant has no value attribute");
    }

    private TensorInfo constantOfShape() {
        long[] dims = constInts(0, "shape");
        AttributeProto a = Attributes.find(node, "value");
        int type = a == null ? FLOAT : a.getT().getDataType();
        double fill = 0;
        if (a != null) {
            double[] v = TensorData.smallValues(a.getT());
            fill = v == null || v.length == 0 ? 0 : v[0];
        }
        double[] values = null;
        if (small(dims)) {
            values = new double[(int) TensorInfo.count(dims)];
            Arrays.fill(values, fill);
        }
        return TensorInfo.withValues(type, dims, values);
    }

    private TensorInfo range() {
        TensorInfo start = in(0);
        TensorInfo limit = in(1);
        TensorInfo delta = in(2);
        if (!start.hasValues() || !limit.hasValues() || !delta.hasValues()) {
            throw new UnsupportedOperationException("Range bounds are not constants");
        }
        double s = start.values()[0];
        double d = delta.values()[0];
        long n = Math.max((long) Math.ceil((limit.values()[0] - s) / d), 0);
        double[] values = null;
        if (n <= TensorInfo.FOLD_LIMIT) {
            values = new double[(int) n];
            for (int i = 0; i < n; i++) {
                values[i] = s + i * d;
            }
        }
        return TensorInfo.withValues(start.elemType(), new long[] {n}, values);
    }

    private TensorInfo shapeOf() {
        long[] dims = in(0).dims();
        int r = dims.length;
        long start = Attributes.getInt(node, "start", 0);
        long end = Attributes.getInt(node, "end", r);
        int s = (int) Math.min(Math.max(start < 0 ? start + r : start, 0), r);
        int e = (int) Math.min(Math.max(end < 0 ? end + r : end, 0), r);
        long[] v = Arrays.copyOfRange(dims, s, Math.max(s, e));
        return TensorInfo.withValues(INT64, new long[] {v.length}, toValues(v));
    }

    // ---------------------------------------------------------------- convolution and pooling

    private long[] intsOr(String name, int n, long fill) {
        long[] v = Attributes.getInts(node, name);
        if (v == null || v.length == 0) {
            v = new long[n];
            Arrays.fill(v, fill);
        }
        return v;
    }

    /** Output spatial sizes of a sliding window; {@code ceil} rounds the window count up. */
    private long[] windowOutput(long[] inSpatial, long[] kernel, boolean ceil) {
        int n = inSpatial.length;
        if (kernel.length != n) {
            throw new IllegalArgumentException("kernel_shape " + Arrays.toString(kernel) + " does not match "
                    + n + " spatial dimensions");
        }
        long[] strides = intsOr("strides", n, 1);
        long[] dilations = intsOr("dilations", n, 1);
        long[] pads = intsOr("pads", 2 * n, 0);
        String autoPad = Attributes.getString(node, "auto_pad", "NOTSET");
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long window = (kernel[i] - 1) * dilations[i] + 1;
            long size;
            switch (autoPad) {
                case "SAME_UPPER", "SAME_LOWER" -> size = ceilDiv(inSpatial[i], strides[i]);
                case "VALID" -> size = divide(inSpatial[i] - window, strides[i], ceil) + 1;
                default -> size = divide(inSpatial[i] + pads[i] + pads[i + n] - window, strides[i], ceil) + 1;
            }
            if (size < 1) {
                throw new IllegalArgumentException("the window (kernel " + kernel[i] + ") does not fit the input "
                        + "size " + inSpatial[i] + " on spatial axis " + i);
            }
            out[i] = size;
        }
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }

    private static long divide(long a, long b, boolean ceil) {
        return ceil ? -Math.floorDiv(-a, b) : Math.floorDiv(a, b);
    }

    private TensorInfo conv(int xIndex, int wIndex) {
        TensorInfo x = in(xIndex);
        TensorInfo w = in(wIndex);
        if (x.rank() < 3 || w.rank() != x.rank()) {
            throw new IllegalArgumentException("Conv input " + Arrays.toString(x.dims()) + " and weight "
                    + Arrays.toString(w.dims()) + " must have the same rank ≥ 3");
        }
        long group = Attributes.getInt(node, "group", 1);
        if (x.dims()[1] != w.dims()[1] * group) {
            throw new IllegalArgumentException("input channels " + x.dims()[1] + " ≠ weight channels "
                    + w.dims()[1] + " × group " + group);
        }
        long[] kernel = Attributes.getInts(node, "kernel_shape");
        if (kernel == null) {
            kernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        }
        TensorInfo bias = xIndex == 0 ? opt(2) : null;
        if (bias != null && !Arrays.equals(bias.dims(), new long[] {w.dims()[0]})) {
            throw new IllegalArgumentException("bias " + Arrays.toString(bias.dims()) + " does not match "
                    + w.dims()[0] + " output channels");
        }
        long[] spatial = windowOutput(Arrays.copyOfRange(x.dims(), 2, x.rank()), kernel, false);
        return TensorInfo.of(x.elemType(), concat(new long[] {x.dims()[0], w.dims()[0]}, spatial));
    }

    private TensorInfo convTranspose() {
        TensorInfo x = in(0);
        TensorInfo w = in(1);
        int n = x.rank() - 2;
        if (n < 1 || w.rank() != x.rank()) {
            throw new IllegalArgumentException("ConvTranspose input and weight must have the same rank ≥ 3");
        }
        long group = Attributes.getInt(node, "group", 1);
        long channels = w.dims()[1] * group;
        long[] outputShape = Attributes.getInts(node, "output_shape");
        if (outputShape != null && outputShape.length > 0) {
            long[] spatial = Arrays.copyOfRange(outputShape, outputShape.length - n, outputShape.length);
            return TensorInfo.of(x.elemType(), concat(new long[] {x.dims()[0], channels}, spatial));
        }
        long[] kernel = Attributes.getInts(node, "kernel_shape");
        if (kernel == null) {
            kernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        }
        long[] strides = intsOr("strides", n, 1);
        long[] dilations = intsOr("dilations", n, 1);
        long[] pads = intsOr("pads", 2 * n, 0);
        long[] outPad = intsOr("output_padding", n, 0);
        String autoPad = Attributes.getString(node, "auto_pad", "NOTSET");
        long[] out = new long[n + 2];
        out[0] = x.dims()[0];
        out[1] = channels;
        for (int i = 0; i < n; i++) {
            long inSize = x.dims()[i + 2];
            if (autoPad.startsWith("SAME")) {
                out[i + 2] = inSize * strides[i];
            } else {
                out[i + 2] = strides[i] * (inSize - 1) + outPad[i] + (kernel[i] - 1) * dilations[i] + 1
                        - pads[i] - pads[i + n];
            }
            if (out[i + 2] < 1) {
                throw new IllegalArgumentException("non-positive output size on spatial axis " + i);
            }
        }
        return TensorInfo.of(x.elemType(), out);
    }

    /**
     * Pooling. With {@code ceil_mode=1} the window count is rounded up without dropping a last window that
     * would start in the end padding, as ONNX 1.7/1.8 shape inference (the version the reference ran) does.
     */
    private TensorInfo[] pool(String op) {
        TensorInfo x = in(0);
        if (x.rank() < 3) {
            throw new IllegalArgumentException(op + " needs an input of rank ≥ 3, got " + Arrays.toString(x.dims()));
        }
        long[] kernel = Attributes.getInts(node, "kernel_shape");
        if (kernel == null) {
            throw new IllegalArgumentException(op + " has no kernel_shape");
        }
        boolean ceil = Attributes.getInt(node, "ceil_mode", 0) != 0;
        long[] spatial = windowOutput(Arrays.copyOfRange(x.dims(), 2, x.rank()), kernel, ceil);
        long[] dims = concat(new long[] {x.dims()[0], x.dims()[1]}, spatial);
        return new TensorInfo[] {TensorInfo.of(x.elemType(), dims), TensorInfo.of(INT64, dims)};
    }

    private TensorInfo globalPool() {
        long[] dims = in(0).dims().clone();
        for (int i = 2; i < dims.length; i++) {
            dims[i] = 1;
        }
        return TensorInfo.of(in(0).elemType(), dims);
    }

    private TensorInfo[] batchNorm() {
        TensorInfo x = in(0);
        long[] channels = {x.rank() > 1 ? x.dims()[1] : 1};
        for (int i = 1; i <= 4; i++) {
            if (opt(i) != null && !Arrays.equals(opt(i).dims(), channels)) {
                throw new IllegalArgumentException("input " + i + " " + Arrays.toString(opt(i).dims())
                        + " does not match " + channels[0] + " channels");
            }
        }
        TensorInfo c = TensorInfo.of(x.elemType(), channels);
        return new TensorInfo[] {TensorInfo.of(x.elemType(), x.dims()), c, c, c, c};
    }

    private TensorInfo[] layerNorm() {
        TensorInfo x = in(0);
        int a = axis(Attributes.getInt(node, "axis", -1), x.rank());
        long[] stats = x.dims().clone();
        for (int i = a; i < stats.length; i++) {
            stats[i] = 1;
        }
        int statType = (int) Attributes.getInt(node, "stash_type", FLOAT);
        return new TensorInfo[] {TensorInfo.of(x.elemType(), x.dims()), TensorInfo.of(statType, stats),
            TensorInfo.of(statType, stats)};
    }

    // ---------------------------------------------------------------- linear algebra

    private TensorInfo gemm() {
        long[] a = in(0).dims();
        long[] b = in(1).dims();
        if (a.length != 2 || b.length != 2) {
            throw new IllegalArgumentException("Gemm needs 2-D inputs, got " + describe(a, b));
        }
        boolean transA = Attributes.getInt(node, "transA", 0) != 0;
        boolean transB = Attributes.getInt(node, "transB", 0) != 0;
        long m = transA ? a[1] : a[0];
        long k = transA ? a[0] : a[1];
        long kb = transB ? b[1] : b[0];
        long n = transB ? b[0] : b[1];
        if (k != kb) {
            throw new IllegalArgumentException("Gemm inner dimensions differ: " + k + " vs " + kb);
        }
        if (opt(2) != null && !Arrays.equals(broadcast(new long[] {m, n}, opt(2).dims()), new long[] {m, n})) {
            throw new IllegalArgumentException("Gemm C " + Arrays.toString(opt(2).dims()) + " does not broadcast to ["
                    + m + ", " + n + "]");
        }
        return TensorInfo.of(in(0).elemType(), new long[] {m, n});
    }

    /** Numpy {@code matmul}: 1-D operands are promoted and the added axis removed, batch axes broadcast. */
    static TensorInfo matMul(TensorInfo ta, TensorInfo tb) {
        long[] a = ta.dims();
        long[] b = tb.dims();
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("MatMul does not take scalars");
        }
        boolean vecA = a.length == 1;
        boolean vecB = b.length == 1;
        long[] a2 = vecA ? new long[] {1, a[0]} : a;
        long[] b2 = vecB ? new long[] {b[0], 1} : b;
        if (a2[a2.length - 1] != b2[b2.length - 2]) {
            throw new IllegalArgumentException("MatMul inner dimensions differ: " + describe(a, b));
        }
        long[] batch = broadcast(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        long[] out = batch;
        if (!vecA) {
            out = concat(out, new long[] {a2[a2.length - 2]});
        }
        if (!vecB) {
            out = concat(out, new long[] {b2[b2.length - 1]});
        }
        return TensorInfo.of(ta.elemType(), out);
    }

    // ---------------------------------------------------------------- shape manipulation

    private TensorInfo flatten() {
        long[] d = in(0).dims();
        long a = Attributes.getInt(node, "axis", 1);
        int axis = (int) (a < 0 ? a + d.length : a);
        if (axis < 0 || axis > d.length) {
            throw new IllegalArgumentException("Flatten axis " + a + " is out of range for rank " + d.length);
        }
        return reshaped(in(0), new long[] {prod(d, 0, axis), prod(d, axis, d.length)});
    }

    /** The same values under new dims (row-major order is unchanged by reshaping). */
    private static TensorInfo reshaped(TensorInfo x, long[] dims) {
        return TensorInfo.withValues(x.elemType(), dims, x.values());
    }

    private TensorInfo reshape() {
        TensorInfo x = in(0);
        long[] target = opset < 5 ? Attributes.getInts(node, "shape") : constInts(1, "target shape");
        if (target == null) {
            throw new IllegalArgumentException("Reshape has no shape");
        }
        boolean allowZero = Attributes.getInt(node, "allowzero", 0) != 0;
        long[] out = target.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= x.rank()) {
                    throw new IllegalArgumentException("Reshape copies dimension " + i + " of a rank-" + x.rank()
                            + " input");
                }
                out[i] = x.dims()[i];
            }
            if (out[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("Reshape target " + Arrays.toString(target)
                            + " has more than one -1");
                }
                inferred = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("Reshape target " + Arrays.toString(target) + " is invalid");
            } else {
                known *= out[i];
            }
        }
        long total = x.count();
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.dims()) + " to "
                        + Arrays.toString(target));
            }
            out[inferred] = total / known;
        } else if (known != total) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.dims()) + " ("
                    + total + " elements) to " + Arrays.toString(target));
        }
        return reshaped(x, out);
    }

    private TensorInfo transpose() {
        TensorInfo x = in(0);
        int r = x.rank();
        long[] perm = Attributes.getInts(node, "perm");
        if (perm == null || perm.length == 0) {
            perm = new long[r];
            for (int i = 0; i < r; i++) {
                perm[i] = r - 1 - i;
            }
        }
        if (perm.length != r) {
            throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " does not match rank " + r);
        }
        long[] out = new long[r];
        boolean[] used = new boolean[r];
        for (int i = 0; i < r; i++) {
            int p = axis(perm[i], r);
            if (used[p]) {
                throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " repeats axis " + p);
            }
            used[p] = true;
            out[i] = x.dims()[p];
        }
        double[] values = null;
        if (x.hasValues() && r <= 1) {
            values = x.values();
        }
        return TensorInfo.withValues(x.elemType(), out, values);
    }

    /** Axes given as an attribute before {@code inputOpset}, as input 1 from then on; null when absent. */
    private long[] axes(int inputOpset) {
        if (opset < inputOpset) {
            return Attributes.getInts(node, "axes");
        }
        return opt(1) == null ? null : constInts(1, "axes");
    }

    private TensorInfo squeeze() {
        TensorInfo x = in(0);
        long[] axes = axes(13);
        boolean[] drop = new boolean[x.rank()];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < drop.length; i++) {
                drop[i] = x.dims()[i] == 1;
            }
        } else {
            for (long a : axes) {
                int ax = axis(a, x.rank());
                if (x.dims()[ax] != 1) {
                    throw new IllegalArgumentException("Squeeze axis " + a + " has size " + x.dims()[ax]);
                }
                drop[ax] = true;
            }
        }
        long[] out = new long[x.rank()];
        int n = 0;
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i]) {
                out[n++] = x.dims()[i];
            }
        }
        return reshaped(x, Arrays.copyOf(out, n));
    }

    private TensorInfo unsqueeze() {
        TensorInfo x = in(0);
        long[] axes = axes(13);
        if (axes == null) {
            throw new IllegalArgumentException("Unsqueeze has no axes");
        }
        int r = x.rank() + axes.length;
        boolean[] added = new boolean[r];
        for (long a : axes) {
            int ax = axis(a, r);
            if (added[ax]) {
                throw new IllegalArgumentException("Unsqueeze repeats axis " + a);
            }
            added[ax] = true;
        }
        long[] out = new long[r];
        int j = 0;
        for (int i = 0; i < r; i++) {
            out[i] = added[i] ? 1 : x.dims()[j++];
        }
        return reshaped(x, out);
    }

    private TensorInfo concat() {
        if (in.length == 0) {
            throw new IllegalArgumentException("Concat needs inputs");
        }
        TensorInfo first = in(0);
        int r = first.rank();
        int a = axis(Attributes.getInt(node, "axis", 0), r);
        long[] out = first.dims().clone();
        boolean foldable = first.hasValues();
        for (int i = 1; i < in.length; i++) {
            long[] d = in(i).dims();
            if (d.length != r) {
                throw new IllegalArgumentException("Concat inputs have different ranks: " + describe(first.dims(), d));
            }
            for (int k = 0; k < r; k++) {
                if (k != a && d[k] != out[k]) {
                    throw new IllegalArgumentException("Concat inputs differ off the axis: "
                            + describe(first.dims(), d));
                }
            }
            out[a] += d[a];
            foldable &= in(i).hasValues();
        }
        double[] values = null;
        if (foldable && small(out)) {
            values = new double[(int) TensorInfo.count(out)];
            long outer = prod(out, 0, a);
            long inner = prod(out, a + 1, r);
            int pos = 0;
            for (long o = 0; o < outer; o++) {
                for (TensorInfo t : in) {
                    int block = (int) (t.dims()[a] * inner);
                    System.arraycopy(t.values(), (int) (o * block), values, pos, block);
                    pos += block;
                }
            }
        }
        return TensorInfo.withValues(first.elemType(), out, values);
    }

    private TensorInfo[] split() {
        TensorInfo x = in(0);
        int a = axis(Attributes.getInt(node, "axis", 0), x.rank());
        int outputs = node.getOutputCount();
        long[] sizes = opset < 13 ? Attributes.getInts(node, "split")
                : opt(1) == null ? null : constInts(1, "split sizes");
        long dim = x.dims()[a];
        if (sizes == null || sizes.length == 0) {
            long parts = Attributes.getInt(node, "num_outputs", outputs);
            sizes = new long[outputs];
            if (opset >= 18 && Attributes.find(node, "num_outputs") != null) {
                long chunk = ceilDiv(dim, parts);
                for (int i = 0; i < outputs; i++) {
                    sizes[i] = Math.max(0, Math.min(chunk, dim - i * chunk));
                }
            } else {
                if (dim % outputs != 0) {
                    throw new IllegalArgumentException("cannot split size " + dim + " into " + outputs
                            + " equal parts");
                }
                Arrays.fill(sizes, dim / outputs);
            }
        }
        if (sizes.length != outputs || Arrays.stream(sizes).sum() != dim) {
            throw new IllegalArgumentException("split sizes " + Arrays.toString(sizes) + " do not cover size " + dim
                    + " with " + outputs + " outputs");
        }
        TensorInfo[] result = new TensorInfo[outputs];
        for (int i = 0; i < outputs; i++) {
            long[] d = x.dims().clone();
            d[a] = sizes[i];
            result[i] = TensorInfo.of(x.elemType(), d);
        }
        return result;
    }

    private TensorInfo slice() {
        TensorInfo x = in(0);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (opset < 10) {
            starts = Attributes.getInts(node, "starts");
            ends = Attributes.getInts(node, "ends");
            axes = Attributes.getInts(node, "axes");
        } else {
            starts = constInts(1, "starts");
            ends = constInts(2, "ends");
            axes = opt(3) == null ? null : constInts(3, "axes");
            steps = opt(4) == null ? null : constInts(4, "steps");
        }
        if (starts == null || ends == null || starts.length != ends.length) {
            throw new IllegalArgumentException("Slice starts and ends are missing or differ in length");
        }
        int r = x.rank();
        long[] out = x.dims().clone();
        long[] first = new long[r];
        long[] step = new long[r];
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int ax = axis(axes == null || axes.length == 0 ? i : axes[i], r);
            long s = steps == null || steps.length == 0 ? 1 : steps[i];
            if (s == 0) {
                throw new IllegalArgumentException("Slice step is 0");
            }
            long dim = x.dims()[ax];
            long b = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long len;
            if (s > 0) {
                b = clamp(b, 0, dim);
                e = clamp(e, 0, dim);
                len = e > b ? ceilDiv(e - b, s) : 0;
            } else {
                b = clamp(b, 0, dim - 1);
                e = clamp(e, -1, dim - 1);
                len = b > e ? ceilDiv(b - e, -s) : 0;
            }
            out[ax] = len;
            first[ax] = b;
            step[ax] = s;
        }
        double[] values = null;
        if (x.hasValues() && r == 1) {
            values = new double[(int) out[0]];
            for (int i = 0; i < values.length; i++) {
                values[i] = x.values()[(int) (first[0] + i * step[0])];
            }
        }
        return TensorInfo.withValues(x.elemType(), out, values);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private TensorInfo gather() {
        TensorInfo data = in(0);
        TensorInfo idx = in(1);
        int a = axis(Attributes.getInt(node, "axis", 0), data.rank());
        long[] out = concat(concat(Arrays.copyOf(data.dims(), a), idx.dims()),
                Arrays.copyOfRange(data.dims(), a + 1, data.rank()));
        double[] values = null;
        if (data.hasValues() && idx.hasValues() && small(out)) {
            long outer = prod(data.dims(), 0, a);
            long inner = prod(data.dims(), a + 1, data.rank());
            long dim = data.dims()[a];
            values = new double[(int) TensorInfo.count(out)];
            int pos = 0;
            for (long o = 0; o < outer; o++) {
                for (double iv : idx.values()) {
                    long k = (long) iv < 0 ? (long) iv + dim : (long) iv;
                    if (k < 0 || k >= dim) {
                        throw new IllegalArgumentException("Gather index " + (long) iv + " out of range " + dim);
                    }
                    System.arraycopy(data.values(), (int) ((o * dim + k) * inner), values, pos, (int) inner);
                    pos += (int) inner;
                }
            }
        }
        return TensorInfo.withValues(data.elemType(), out, values);
    }

    private TensorInfo gatherNd() {
        long[] data = in(0).dims();
        long[] idx = in(1).dims();
        int batch = (int) Attributes.getInt(node, "batch_dims", 0);
        if (idx.length == 0) {
            throw new IllegalArgumentException("GatherND indices must have rank ≥ 1");
        }
        int last = (int) idx[idx.length - 1];
        if (batch + last > data.length) {
            throw new IllegalArgumentException("GatherND index depth " + last + " exceeds data rank " + data.length);
        }
        long[] out = concat(Arrays.copyOf(idx, idx.length - 1), Arrays.copyOfRange(data, batch + last, data.length));
        return TensorInfo.of(in(0).elemType(), out);
    }

    private TensorInfo expand() {
        TensorInfo x = in(0);
        long[] dims = broadcast(x.dims(), constInts(1, "target shape"));
        double[] values = null;
        if (x.hasValues() && small(dims)) {
            values = new double[(int) TensorInfo.count(dims)];
            for (int i = 0; i < values.length; i++) {
                values[i] = x.values()[broadcastIndex(dims, i, x.dims())];
            }
        }
        return TensorInfo.withValues(x.elemType(), dims, values);
    }

    private TensorInfo tile() {
        TensorInfo x = in(0);
        long[] reps = constInts(1, "repeats");
        if (reps.length != x.rank()) {
            throw new IllegalArgumentException("Tile repeats " + Arrays.toString(reps) + " do not match rank "
                    + x.rank());
        }
        long[] out = x.dims().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= reps[i];
        }
        return TensorInfo.of(x.elemType(), out);
    }

    private TensorInfo pad() {
        TensorInfo x = in(0);
        int r = x.rank();
        long[] pads = opset < 11 ? Attributes.getInts(node, opset < 2 ? "paddings" : "pads") : constInts(1, "pads");
        if (pads == null) {
            throw new IllegalArgumentException("Pad has no pads");
        }
        long[] axes = opset >= 18 && opt(3) != null ? constInts(3, "axes") : null;
        int n = axes == null ? r : axes.length;
        if (pads.length != 2 * n) {
            throw new IllegalArgumentException("Pad has " + pads.length + " pads for " + n + " axes");
        }
        long[] out = x.dims().clone();
        for (int i = 0; i < n; i++) {
            int ax = axes == null ? i : axis(axes[i], r);
            out[ax] += pads[i] + pads[i + n];
            if (out[ax] < 0) {
                throw new IllegalArgumentException("Pad makes axis " + ax + " negative");
            }
        }
        return TensorInfo.of(x.elemType(), out);
    }

    /** Resize (opset 10: X, scales; 11+: X, roi, scales, sizes): {@code sizes} wins, else floor(dim × scale). */
    private TensorInfo resize() {
        TensorInfo x = in(0);
        int scalesAt = opset < 11 ? 1 : 2;
        TensorInfo sizes = opset < 11 ? null : opt(3);
        long[] axes = Attributes.getInts(node, "axes");
        if (sizes != null && sizes.count() > 0) {
            long[] s = constInts(3, "sizes");
            if (Attributes.getString(node, "keep_aspect_ratio_policy", "stretch").equals("stretch")) {
                return TensorInfo.of(x.elemType(), scatterAxes(x.dims().clone(), axes, s));
            }
            throw new UnsupportedOperationException("Resize keep_aspect_ratio_policy other than stretch");
        }
        TensorInfo scales = opt(scalesAt);
        if (scales == null || scales.count() == 0) {
            throw new IllegalArgumentException("Resize has neither scales nor sizes");
        }
        if (!scales.hasValues()) {
            throw new UnsupportedOperationException("the Resize scales are not constants");
        }
        return TensorInfo.of(x.elemType(), scaled(x.dims(), axes, scales.values()));
    }

    private TensorInfo upsample() {
        TensorInfo x = in(0);
        double[] scales;
        if (opset < 9) {
            scales = Attributes.getFloats(node, "scales");
            if (scales == null) {
                throw new IllegalArgumentException("Upsample has no scales");
            }
        } else {
            if (!in(1).hasValues()) {
                throw new UnsupportedOperationException("the Upsample scales are not constants");
            }
            scales = in(1).values();
        }
        return TensorInfo.of(x.elemType(), scaled(x.dims(), null, scales));
    }

    private static long[] scatterAxes(long[] dims, long[] axes, long[] values) {
        if (axes == null || axes.length == 0) {
            if (values.length != dims.length) {
                throw new IllegalArgumentException("expected " + dims.length + " sizes, got " + values.length);
            }
            return values.clone();
        }
        for (int i = 0; i < axes.length; i++) {
            dims[axis(axes[i], dims.length)] = values[i];
        }
        return dims;
    }

    private static long[] scaled(long[] dims, long[] axes, double[] scales) {
        int n = axes == null || axes.length == 0 ? dims.length : axes.length;
        if (scales.length != n) {
            throw new IllegalArgumentException("expected " + n + " scales, got " + scales.length);
        }
        long[] out = dims.clone();
        for (int i = 0; i < n; i++) {
            int ax = axes == null || axes.length == 0 ? i : axis(axes[i], dims.length);
            out[ax] = (long) Math.floor(dims[ax] * scales[i]);
        }
        return out;
    }

    private TensorInfo depthSpace(String op) {
        long[] d = in(0).dims();
        long b = Attributes.getInt(node, "blocksize", 0);
        if (d.length != 4 || b <= 0) {
            throw new IllegalArgumentException(op + " needs a 4-D input and a positive blocksize");
        }
        boolean toSpace = op.equals("DepthToSpace");
        if (toSpace ? d[1] % (b * b) != 0 : d[2] % b != 0 || d[3] % b != 0) {
            throw new IllegalArgumentException(op + " blocksize " + b + " does not divide the input "
                    + Arrays.toString(d));
        }
        long[] out = toSpace ? new long[] {d[0], d[1] / (b * b), d[2] * b, d[3] * b}
                : new long[] {d[0], d[1] * b * b, d[2] / b, d[3] / b};
        return TensorInfo.of(in(0).elemType(), out);
    }

    // ---------------------------------------------------------------- reductions

    private TensorInfo reduce(String op) {
        TensorInfo x = in(0);
        long[] axes = axes(op.equals("ReduceSum") ? 13 : 18);
        boolean keep = Attributes.getInt(node, "keepdims", 1) != 0;
        if (axes == null || axes.length == 0) {
            if (Attributes.getInt(node, "noop_with_empty_axes", 0) != 0) {
                return TensorInfo.of(x.elemType(), x.dims());
            }
            axes = new long[x.rank()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        }
        long[] dims = reduced(x.dims(), axes, keep);
        return TensorInfo.withValues(x.elemType(), dims, foldFullReduction(op, x, dims));
    }

    /** Values of a reduction over every element (e.g. {@code ReduceProd} of a shape slice), when known. */
    private static double[] foldFullReduction(String op, TensorInfo x, long[] outDims) {
        if (!x.hasValues() || TensorInfo.count(outDims) != 1 || x.count() == 0) {
            return null;
        }
        java.util.stream.DoubleStream v = Arrays.stream(x.values());
        double r = switch (op) {
            case "ReduceProd" -> v.reduce(1, (p, q) -> p * q);
            case "ReduceSum" -> v.sum();
            case "ReduceMax" -> v.max().getAsDouble();
            case "ReduceMin" -> v.min().getAsDouble();
            case "ReduceMean" -> v.average().getAsDouble();
            default -> Double.NaN;
        };
        return Double.isNaN(r) ? null : new double[] {r};
    }

    private static long[] reduced(long[] dims, long[] axes, boolean keep) {
        boolean[] r = new boolean[dims.length];
        for (long a : axes) {
            r[axis(a, dims.length)] = true;
        }
        long[] out = new long[dims.length];
        int n = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!r[i]) {
                out[n++] = dims[i];
            } else if (keep) {
                out[n++] = 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private TensorInfo argReduce() {
        long[] dims = in(0).dims();
        long a = Attributes.getInt(node, "axis", 0);
        boolean keep = Attributes.getInt(node, "keepdims", 1) != 0;
        return TensorInfo.of(INT64, reduced(dims, new long[] {a}, keep));
    }

    private TensorInfo[] topK() {
        TensorInfo x = in(0);
        long k = opset < 10 ? Attributes.getInt(node, "k", -1) : constInts(1, "k")[0];
        int a = axis(Attributes.getInt(node, "axis", -1), x.rank());
        if (k < 0 || k > x.dims()[a]) {
            throw new IllegalArgumentException("TopK k=" + k + " is out of range for size " + x.dims()[a]);
        }
        long[] d = x.dims().clone();
        d[a] = k;
        return new TensorInfo[] {TensorInfo.of(x.elemType(), d), TensorInfo.of(INT64, d)};
    }

    private TensorInfo oneHot() {
        TensorInfo idx = in(0);
        long depth = constInts(1, "depth")[0];
        int r = idx.rank() + 1;
        int a = axis(Attributes.getInt(node, "axis", -1), r);
        long[] out = new long[r];
        for (int i = 0, j = 0; i < r; i++) {
            out[i] = i == a ? depth : idx.dims()[j++];
        }
        return TensorInfo.of(in(2).elemType(), out);
    }

    // ---------------------------------------------------------------- recurrent and region operators

    /** RNN/GRU/LSTM: Y [seq, dirs, batch, hidden], Y_h (and LSTM's Y_c) [dirs, batch, hidden]; layout=1 swaps. */
    private TensorInfo[] recurrent() {
        long[] x = in(0).dims();
        if (x.length != 3) {
            throw new IllegalArgumentException(node.getOpType() + " needs a 3-D input, got " + Arrays.toString(x));
        }
        long hidden = Attributes.getInt(node, "hidden_size", -1);
        if (hidden <= 0) {
            hidden = in(2).dims()[2];
        }
        long dirs = Attributes.getString(node, "direction", "forward").equals("bidirectional") ? 2 : 1;
        boolean batchFirst = Attributes.getInt(node, "layout", 0) != 0;
        long seq = batchFirst ? x[1] : x[0];
        long batch = batchFirst ? x[0] : x[1];
        int type = in(0).elemType();
        TensorInfo y = TensorInfo.of(type, batchFirst ? new long[] {batch, seq, dirs, hidden}
                : new long[] {seq, dirs, batch, hidden});
        TensorInfo state = TensorInfo.of(type, batchFirst ? new long[] {batch, dirs, hidden}
                : new long[] {dirs, batch, hidden});
        return new TensorInfo[] {y, state, state};
    }

    private TensorInfo roiPool(String op) {
        long[] x = in(0).dims();
        long rois = in(1).dims()[0];
        long[] pooled = op.equals("MaxRoiPool") ? requiredInts("pooled_shape")
                : new long[] {Attributes.getInt(node, "output_height", 1), Attributes.getInt(node, "output_width", 1)};
        return TensorInfo.of(in(0).elemType(), new long[] {rois, x[1], pooled[0], pooled[1]});
    }

    private TensorInfo maxUnpool() {
        TensorInfo x = in(0);
        if (opt(2) != null) {
            return TensorInfo.of(x.elemType(), constInts(2, "output shape"));
        }
        long[] kernel = requiredInts("kernel_shape");
        int n = kernel.length;
        long[] strides = intsOr("strides", n, 1);
        long[] pads = intsOr("pads", 2 * n, 0);
        long[] out = x.dims().clone();
        for (int i = 0; i < n; i++) {
            out[i + 2] = (x.dims()[i + 2] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + n];
        }
        return TensorInfo.of(x.elemType(), out);
    }

    /**
     * Einsum with explicit or implicit output ({@code "bij,bjk->bik"}, {@code "ij,jk"}) and at most one
     * ellipsis per operand; letters of the same name must have broadcast-compatible sizes.
     */
    private TensorInfo einsum() {
        String eq = Attributes.getString(node, "equation", "").replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] terms = sides[0].split(",", -1);
        if (terms.length != in.length) {
            throw new IllegalArgumentException("Einsum equation '" + eq + "' has " + terms.length + " operands, the "
                    + "node " + in.length);
        }
        Map<Character, Long> sizes = new java.util.TreeMap<>();
        Map<Character, Integer> counts = new java.util.TreeMap<>();
        long[] ellipsis = new long[0];
        for (int t = 0; t < terms.length; t++) {
            long[] d = in(t).dims();
            String term = terms[t];
            int dots = term.indexOf("...");
            int letters = term.replace("...", "").length();
            int ellRank = dots >= 0 ? d.length - letters : 0;
            if (ellRank < 0 || dots < 0 && letters != d.length) {
                throw new IllegalArgumentException("Einsum term '" + term + "' does not match shape "
                        + Arrays.toString(d));
            }
            int axis = 0;
            for (int i = 0; i < term.length(); i++) {
                if (i == dots) {
                    ellipsis = broadcast(ellipsis, Arrays.copyOfRange(d, axis, axis + ellRank));
                    axis += ellRank;
                    i += 2;
                    continue;
                }
                char c = term.charAt(i);
                long size = d[axis++];
                Long prev = sizes.get(c);
                if (prev != null && prev != size && prev != 1 && size != 1) {
                    throw new IllegalArgumentException("Einsum letter '" + c + "' has sizes " + prev + " and " + size);
                }
                sizes.put(c, prev == null || prev == 1 ? size : prev);
                counts.merge(c, 1, Integer::sum);
            }
        }
        String output;
        if (sides.length > 1) {
            output = sides[1];
        } else {
            StringBuilder implicit = new StringBuilder(eq.contains("...") ? "..." : "");
            counts.forEach((c, n) -> {
                if (n == 1) {
                    implicit.append(c);
                }
            });
            output = implicit.toString();
        }
        List<Long> out = new java.util.ArrayList<>();
        for (int i = 0; i < output.length(); i++) {
            if (output.startsWith("...", i)) {
                for (long e : ellipsis) {
                    out.add(e);
                }
                i += 2;
                continue;
            }
            Long size = sizes.get(output.charAt(i));
            if (size == null) {
                throw new IllegalArgumentException("Einsum output letter '" + output.charAt(i) + "' is not an input");
            }
            out.add(size);
        }
        return TensorInfo.of(in(0).elemType(), out.stream().mapToLong(Long::longValue).toArray());
    }
}
