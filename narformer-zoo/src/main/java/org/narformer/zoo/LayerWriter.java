package org.narformer.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.narformer.graph.AttributeValue;
import org.narformer.onnx.OnnxModel;
import org.narformer.onnx.OnnxModelBuilder;

/**
 * Writes the layers of a convolutional network into an {@link OnnxModelBuilder} at batch 1, tracking each
 * tensor's channels and spatial size. Weights are weight-stripped initializers (dims, no data); fill them with
 * {@link OnnxModel#withRandomWeights(long)}. Constants that are not weights (Clip bounds, the zero of
 * {@code none}, Reshape targets) are {@code Constant} nodes with data. Nodes are named {@code op_k} with a
 * running number; Reshape targets use 0 for the batch dimension so a file also runs at other batch sizes.
 */
public final class LayerWriter {
    /** The default-domain opset of every generated file. */
    public static final int OPSET = 13;

    private final OnnxModelBuilder builder;
    private int counter;

    public LayerWriter(String graphName) {
        builder = OnnxModelBuilder.create(graphName, OPSET);
    }

    /** The graph input {@code input}, shape {@code [1, channels, height, width]}. */
    public FeatureMap input(int channels, int height, int width) {
        return new FeatureMap(builder.input("input", 1, channels, height, width), channels, height, width);
    }

    /** Conv k×k with "same" padding k/2 (odd k), no bias. */
    public FeatureMap conv(FeatureMap x, int out, int kernel, int stride, int groups) {
        return conv(x, out, kernel, stride, kernel / 2, groups, false);
    }

    /**
     * Conv k×k: weight {@code [out, C/groups, k, k]}, optional bias {@code [out]}; output
     * {@code [1, out, (H + 2·pad − k)/stride + 1, …]}.
     */
    public FeatureMap conv(FeatureMap x, int out, int kernel, int stride, int pad, int groups, boolean bias) {
        if (x.channels() % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("channels " + x.channels() + "→" + out + " not divisible by groups "
                    + groups);
        }
        String name = next("conv");
        List<String> inputs = new ArrayList<>(List.of(x.tensor(),
                builder.weight(name + ".weight", out, x.channels() / groups, kernel, kernel)));
        if (bias) {
            inputs.add(builder.weight(name + ".bias", out));
        }
        Map<String, AttributeValue> attrs = new TreeMap<>();
        attrs.put("kernel_shape", AttributeValue.Ints.of(kernel, kernel));
        attrs.put("strides", AttributeValue.Ints.of(stride, stride));
        attrs.put("pads", AttributeValue.Ints.of(pad, pad, pad, pad));
        attrs.put("dilations", AttributeValue.Ints.of(1, 1));
        attrs.put("group", new AttributeValue.Int(groups));
        return new FeatureMap(builder.node("Conv", name, inputs, attrs), out,
                window(x.height(), kernel, stride, pad, false), window(x.width(), kernel, stride, pad, false));
    }

    /** BatchNormalization in inference form: scale, bias, mean, var {@code [C]}; shape kept. */
    public FeatureMap batchNorm(FeatureMap x) {
        String name = next("bn");
        int c = x.channels();
        List<String> inputs = List.of(x.tensor(), builder.weight(name + ".weight", c),
                builder.weight(name + ".bias", c), builder.weight(name + ".running_mean", c),
                builder.weight(name + ".running_var", c));
        return same(x, builder.node("BatchNormalization", name, inputs,
                Map.of("epsilon", new AttributeValue.Float(1e-5), "momentum", new AttributeValue.Float(0.9))));
    }

    public FeatureMap relu(FeatureMap x) {
        return unary("Relu", x, Map.of());
    }

    /** ReLU6 as {@code Clip(x, 0, 6)}. */
    public FeatureMap relu6(FeatureMap x) {
        String name = next("clip");
        String min = builder.constant(name + ".min", new long[0], new float[] {0f});
        String max = builder.constant(name + ".max", new long[0], new float[] {6f});
        return same(x, builder.node("Clip", name, List.of(x.tensor(), min, max), Map.of()));
    }

    public FeatureMap sigmoid(FeatureMap x) {
        return unary("Sigmoid", x, Map.of());
    }

    /** {@code HardSigmoid(alpha = 1/6, beta = 0.5)}, PyTorch's hardsigmoid. */
    public FeatureMap hardSigmoid(FeatureMap x) {
        return unary("HardSigmoid", x, Map.of("alpha", new AttributeValue.Float(1.0 / 6),
                "beta", new AttributeValue.Float(0.5)));
    }

    /** Hardswish as PyTorch exports it at opset 11..13: {@code x · HardSigmoid(x)}. */
    public FeatureMap hardSwish(FeatureMap x) {
        return mul(x, hardSigmoid(x));
    }

    /** SiLU (swish) as exported: {@code x · Sigmoid(x)}. */
    public FeatureMap silu(FeatureMap x) {
        return mul(x, sigmoid(x));
    }

    /** Element-wise sum of two tensors of the same shape. */
    public FeatureMap add(FeatureMap a, FeatureMap b) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("Add of different shapes: " + a + " and " + b);
        }
        String name = next("add");
        return same(a, builder.node("Add", name, List.of(a.tensor(), b.tensor()), Map.of()));
    }

    /** {@code a · b} where b has a's shape or is {@code [1, C, 1, 1]} (a channel gate). */
    public FeatureMap mul(FeatureMap a, FeatureMap b) {
        String name = next("mul");
        return same(a, builder.node("Mul", name, List.of(a.tensor(), b.tensor()), Map.of()));
    }

    /** {@code x · 0}: NAS-Bench-201's {@code none} operation. */
    public FeatureMap zero(FeatureMap x) {
        String name = next("mul");
        String zero = builder.constant(name + ".zero", new long[0], new float[] {0f});
        return same(x, builder.node("Mul", name, List.of(x.tensor(), zero), Map.of()));
    }

    public FeatureMap maxPool(FeatureMap x, int kernel, int stride, int pad, boolean ceil) {
        String name = next("maxpool");
        Map<String, AttributeValue> attrs = poolAttributes(kernel, stride, pad);
        attrs.put("ceil_mode", new AttributeValue.Int(ceil ? 1 : 0));
        return new FeatureMap(builder.node("MaxPool", name, List.of(x.tensor()), attrs), x.channels(),
                window(x.height(), kernel, stride, pad, ceil), window(x.width(), kernel, stride, pad, ceil));
    }

    /** AveragePool with the padding excluded from the average ({@code count_include_pad = 0}). */
    public FeatureMap avgPool(FeatureMap x, int kernel, int stride, int pad) {
        String name = next("avgpool");
        Map<String, AttributeValue> attrs = poolAttributes(kernel, stride, pad);
        attrs.put("count_include_pad", new AttributeValue.Int(0));
        return new FeatureMap(builder.node("AveragePool", name, List.of(x.tensor()), attrs), x.channels(),
                window(x.height(), kernel, stride, pad, false), window(x.width(), kernel, stride, pad, false));
    }

    /** {@code [1, C, H, W] → [1, C, 1, 1]}. */
    public FeatureMap globalAvgPool(FeatureMap x) {
        String name = next("gap");
        return new FeatureMap(builder.node("GlobalAveragePool", name, List.of(x.tensor()), Map.of()),
                x.channels(), 1, 1);
    }

    /** {@code ReduceMean} over H and W with {@code keepdims = 0}: {@code [1, C, H, W] → [1, C]}. */
    public FeatureMap spatialMean(FeatureMap x) {
        String name = next("reducemean");
        return new FeatureMap(builder.node("ReduceMean", name, List.of(x.tensor()),
                Map.of("axes", AttributeValue.Ints.of(2, 3), "keepdims", new AttributeValue.Int(0))),
                x.channels(), 1, 1);
    }

    /** {@code Flatten(axis = 1)}: {@code [1, C, H, W] → [1, C·H·W]}. */
    public FeatureMap flatten(FeatureMap x) {
        String name = next("flatten");
        return new FeatureMap(builder.node("Flatten", name, List.of(x.tensor()),
                Map.of("axis", new AttributeValue.Int(1))), x.channels() * x.height() * x.width(), 1, 1);
    }

    /** A fully connected layer on a flattened {@code [1, F]}: {@code Gemm(transB = 1)}, weight {@code [out, F]}, bias. */
    public FeatureMap linear(FeatureMap x, int out) {
        String name = next("gemm");
        List<String> inputs = List.of(x.tensor(), builder.weight(name + ".weight", out, x.channels()),
                builder.weight(name + ".bias", out));
        return new FeatureMap(builder.node("Gemm", name, inputs, Map.of("alpha", new AttributeValue.Float(1),
                "beta", new AttributeValue.Float(1), "transB", new AttributeValue.Int(1))), out, 1, 1);
    }

    /** Concatenation along channels of maps with the same H and W. */
    public FeatureMap concat(List<FeatureMap> parts) {
        String name = next("concat");
        int c = 0;
        List<String> inputs = new ArrayList<>();
        for (FeatureMap p : parts) {
            if (p.height() != parts.get(0).height() || p.width() != parts.get(0).width()) {
                throw new IllegalArgumentException("Concat of different spatial sizes: " + parts);
            }
            c += p.channels();
            inputs.add(p.tensor());
        }
        FeatureMap first = parts.get(0);
        return new FeatureMap(builder.node("Concat", name, inputs, Map.of("axis", new AttributeValue.Int(1))), c,
                first.height(), first.width());
    }

    /**
     * Channel shuffle (ShuffleNet) as Reshape → Transpose → Reshape:
     * {@code [1, C, H, W] → [1, g, C/g, H, W] → [1, C/g, g, H, W] → [1, C, H, W]}.
     */
    public FeatureMap channelShuffle(FeatureMap x, int groups) {
        int c = x.channels();
        if (c % groups != 0) {
            throw new IllegalArgumentException(c + " channels cannot be shuffled in " + groups + " groups");
        }
        String name = next("shuffle");
        String split = builder.constant(name + ".shape5", new long[] {5},
                new long[] {0, groups, c / groups, x.height(), x.width()});
        String r1 = builder.node("Reshape", name + ".reshape1", List.of(x.tensor(), split), Map.of());
        String t = builder.node("Transpose", name + ".transpose", List.of(r1),
                Map.of("perm", AttributeValue.Ints.of(0, 2, 1, 3, 4)));
        String merge = builder.constant(name + ".shape4", new long[] {4}, new long[] {0, c, x.height(), x.width()});
        return same(x, builder.node("Reshape", name + ".reshape2", List.of(t, merge), Map.of()));
    }

    /** The checked model with {@code out} as its only output; weights are stripped. */
    public OnnxModel build(FeatureMap out) {
        builder.output(out.tensor());
        return builder.build();
    }

    private FeatureMap unary(String op, FeatureMap x, Map<String, AttributeValue> attrs) {
        return same(x, builder.node(op, next(op.toLowerCase(java.util.Locale.ROOT)), List.of(x.tensor()), attrs));
    }

    private static FeatureMap same(FeatureMap x, String tensor) {
        return new FeatureMap(tensor, x.channels(), x.height(), x.width());
    }

    private static Map<String, AttributeValue> poolAttributes(int kernel, int stride, int pad) {
        Map<String, AttributeValue> attrs = new TreeMap<>();
        attrs.put("kernel_shape", AttributeValue.Ints.of(kernel, kernel));
        attrs.put("strides", AttributeValue.Ints.of(stride, stride));
        attrs.put("pads", AttributeValue.Ints.of(pad, pad, pad, pad));
        return attrs;
    }

    /** Output size of a sliding window, as ONNX defines it (ceil mode rounds the window count up). */
    static int window(int size, int kernel, int stride, int pad, boolean ceil) {
        int span = size + 2 * pad - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("kernel " + kernel + " does not fit size " + size + " + pad " + pad);
        }
        return (ceil ? -Math.floorDiv(-span, stride) : span / stride) + 1;
    }

    private String next(String op) {
        return op + "_" + (++counter);
    }
}
