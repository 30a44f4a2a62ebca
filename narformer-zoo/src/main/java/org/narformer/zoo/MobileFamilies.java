package org.narformer.zoo;

import org.narformer.onnx.OnnxModel;

/**
 * Builders of the mobile ImageNet families (input {@code [1, 3, 224, 224]}, output {@code [1, 1000]}) with the
 * torchvision structure: inverted-residual blocks whose stage output widths are drawn once per stage (so the
 * residual additions stay valid), expanded widths drawn per block, depthwise kernels from {@code {3, 5, 7}},
 * squeeze-excitation widths derived from the drawn widths by torchvision's rule.
 */
final class MobileFamilies {
    private static final int[] DW_KERNELS = {3, 5, 7};

    private MobileFamilies() {
    }

    /** An activation of the mobile families. */
    private enum Act { RELU, RELU6, HARDSWISH, SILU }

    private static FeatureMap act(LayerWriter w, FeatureMap x, Act a) {
        return switch (a) {
            case RELU -> w.relu(x);
            case RELU6 -> w.relu6(x);
            case HARDSWISH -> w.hardSwish(x);
            case SILU -> w.silu(x);
        };
    }

    private static FeatureMap convBnAct(LayerWriter w, FeatureMap x, int out, int k, int stride, int groups,
                                        Act a) {
        FeatureMap y = w.batchNorm(w.conv(x, out, k, stride, groups));
        return a == null ? y : act(w, y, a);
    }

    /** Squeeze-excitation: GAP → Conv1x1(C→sq, bias) → act → Conv1x1(sq→C, bias) → gate → Mul. */
    private static FeatureMap squeezeExcite(LayerWriter w, FeatureMap x, int squeeze, Act inner, boolean hardGate) {
        FeatureMap g = w.globalAvgPool(x);
        g = act(w, w.conv(g, squeeze, 1, 1, 0, 1, true), inner);
        g = w.conv(g, x.channels(), 1, 1, 0, 1, true);
        return w.mul(x, hardGate ? w.hardSigmoid(g) : w.sigmoid(g));
    }

    /** Inverted residual: [expand 1×1] → depthwise k×k → [SE] → project 1×1 (+ input when the shape is kept). */
    private static FeatureMap invertedResidual(LayerWriter w, FeatureMap x, int expanded, int out, int k,
                                               int stride, Act a, int seSqueeze, boolean hardGate, Act seInner) {
        FeatureMap y = x;
        if (expanded != x.channels()) {
            y = convBnAct(w, y, expanded, 1, 1, 1, a);
        }
        y = convBnAct(w, y, expanded, k, stride, expanded, a);
        if (seSqueeze > 0) {
            y = squeezeExcite(w, y, seSqueeze, seInner, hardGate);
        }
        y = convBnAct(w, y, out, 1, 1, 1, null);
        return stride == 1 && out == x.channels() ? w.add(y, x) : y;
    }

    static int makeDivisible(double v, int divisor) {
        int n = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return n < 0.9 * v ? n + divisor : n;
    }

    /** MobileNetV2: stem 3×3/2, 17 inverted residuals (ReLU6), Conv1x1 → 1280, GAP, FC. */
    static OnnxModel mobilenetV2(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = convBnAct(w, w.input(3, 224, 224), s.channels(32), 3, 2, 1, Act.RELU6);
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
                {6, 160, 3, 2}, {6, 320, 1, 1}};
        for (int[] st : settings) {
            int out = s.channels(st[1]);
            for (int i = 0; i < st[2]; i++) {
                int expanded = st[0] == 1 ? x.channels() : s.channels(x.channels() * st[0]);
                x = invertedResidual(w, x, expanded, out, s.kernel(3, DW_KERNELS), i == 0 ? st[3] : 1, Act.RELU6,
                        0, false, null);
            }
        }
        x = convBnAct(w, x, s.channels(1280), 1, 1, 1, Act.RELU6);
        return w.build(w.linear(w.flatten(w.globalAvgPool(x)), ClassicFamilies.CLASSES));
    }

    /** MobileNetV3-Small: stem 3×3/2 (hardswish), 11 blocks with SE (hard-sigmoid gate), 576, FC 1024, FC. */
    static OnnxModel mobilenetV3(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = convBnAct(w, w.input(3, 224, 224), s.channels(16), 3, 2, 1, Act.HARDSWISH);
        // kernel, expanded, out, SE, hardswish, stride
        int[][] blocks = {{3, 16, 16, 1, 0, 2}, {3, 72, 24, 0, 0, 2}, {3, 88, 24, 0, 0, 1}, {5, 96, 40, 1, 1, 2},
                {5, 240, 40, 1, 1, 1}, {5, 240, 40, 1, 1, 1}, {5, 120, 48, 1, 1, 1}, {5, 144, 48, 1, 1, 1},
                {5, 288, 96, 1, 1, 2}, {5, 576, 96, 1, 1, 1}, {5, 576, 96, 1, 1, 1}};
        int previousOriginal = -1;
        int stageWidth = 0;
        for (int[] b : blocks) {
            if (b[2] != previousOriginal) {
                stageWidth = s.channels(b[2]);
                previousOriginal = b[2];
            }
            int expanded = b[1] == 16 ? x.channels() : s.channels(b[1]);
            int squeeze = b[3] == 1 ? makeDivisible(expanded / 4.0, 8) : 0;
            x = invertedResidual(w, x, expanded, stageWidth, s.kernel(b[0], DW_KERNELS), b[5],
                    b[4] == 1 ? Act.HARDSWISH : Act.RELU, squeeze, true, Act.RELU);
        }
        x = convBnAct(w, x, s.channels(576), 1, 1, 1, Act.HARDSWISH);
        FeatureMap v = w.flatten(w.globalAvgPool(x));
        v = w.hardSwish(w.linear(v, s.channels(1024)));
        return w.build(w.linear(v, ClassicFamilies.CLASSES));
    }

    /** MnasNet 1.0: stem 3×3/2, separable conv, 16 inverted residuals (ReLU), 1280, spatial mean, FC. */
    static OnnxModel mnasnet(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = convBnAct(w, w.input(3, 224, 224), s.channels(32), 3, 2, 1, Act.RELU);
        x = convBnAct(w, x, x.channels(), s.kernel(3, DW_KERNELS), 1, x.channels(), Act.RELU);
        x = convBnAct(w, x, s.channels(16), 1, 1, 1, null);
        // out, kernel, stride, expansion, repeats
        int[][] stacks = {{24, 3, 2, 3, 3}, {40, 5, 2, 3, 3}, {80, 5, 2, 6, 3}, {96, 3, 1, 6, 2},
                {192, 5, 2, 6, 4}, {320, 3, 1, 6, 1}};
        for (int[] st : stacks) {
            int out = s.channels(st[0]);
            for (int i = 0; i < st[4]; i++) {
                x = invertedResidual(w, x, s.channels(x.channels() * st[3]), out, s.kernel(st[1], DW_KERNELS),
                        i == 0 ? st[2] : 1, Act.RELU, 0, false, null);
            }
        }
        x = convBnAct(w, x, s.channels(1280), 1, 1, 1, Act.RELU);
        return w.build(w.linear(w.spatialMean(x), ClassicFamilies.CLASSES));
    }

    /** EfficientNet-B0: stem 3×3/2 (SiLU), 16 MBConv blocks with SE (sigmoid gate, squeeze = C_in/4), 1280, FC. */
    static OnnxModel efficientnetB0(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = convBnAct(w, w.input(3, 224, 224), s.channels(32), 3, 2, 1, Act.SILU);
        // expansion, kernel, stride, out, layers
        int[][] stages = {{1, 3, 1, 16, 1}, {6, 3, 2, 24, 2}, {6, 5, 2, 40, 2}, {6, 3, 2, 80, 3},
                {6, 5, 1, 112, 3}, {6, 5, 2, 192, 4}, {6, 3, 1, 320, 1}};
        for (int[] st : stages) {
            int out = s.channels(st[3]);
            for (int i = 0; i < st[4]; i++) {
                int in = x.channels();
                int expanded = st[0] == 1 ? in : s.channels(in * st[0]);
                x = invertedResidual(w, x, expanded, out, s.kernel(st[1], DW_KERNELS), i == 0 ? st[2] : 1,
                        Act.SILU, Math.max(1, in / 4), false, Act.SILU);
            }
        }
        x = convBnAct(w, x, s.channels(1280), 1, 1, 1, Act.SILU);
        return w.build(w.linear(w.flatten(w.globalAvgPool(x)), ClassicFamilies.CLASSES));
    }
}
