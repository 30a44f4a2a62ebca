package org.narformer.zoo;

import java.util.List;

import org.narformer.onnx.OnnxModel;

/**
 * Builders of the classic ImageNet families (input {@code [1, 3, 224, 224]}, output {@code [1, 1000]}) with the
 * torchvision structure and each layer's width and kernel from a {@link VariantSampler}; BatchNormalization is a
 * separate operator where torchvision has one. Standard k×k convolutions draw from {@code {1, 3, 5, 7}} with
 * "same" padding so every spatial size stays the original's.
 */
final class ClassicFamilies {
    static final int CLASSES = 1000;
    static final int RESOLUTION = 224;
    private static final int[] KERNELS = {1, 3, 5, 7};

    private ClassicFamilies() {
    }

    /** AlexNet: 5 convs (first 11×11/4 drawn from {7, 9, 11}), 3 max pools, AveragePool(1), 3 FC. */
    static OnnxModel alexnet(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = w.input(3, RESOLUTION, RESOLUTION);
        int k1 = s.kernel(11, 7, 9, 11);
        x = w.relu(w.conv(x, s.channels(64), k1, 4, k1 == 11 ? 2 : k1 / 2, 1, true));
        x = w.maxPool(x, 3, 2, 0, false);
        int k2 = s.kernel(5, 3, 5, 7);
        x = w.maxPool(w.relu(w.conv(x, s.channels(192), k2, 1, k2 / 2, 1, true)), 3, 2, 0, false);
        for (int c : new int[] {384, 256, 256}) {
            int k = s.kernel(3, KERNELS);
            x = w.relu(w.conv(x, s.channels(c), k, 1, k / 2, 1, true));
        }
        x = w.avgPool(w.maxPool(x, 3, 2, 0, false), 1, 1, 0);
        x = w.flatten(x);
        x = w.relu(w.linear(x, s.channels(4096)));
        x = w.relu(w.linear(x, s.channels(4096)));
        return w.build(w.linear(x, CLASSES));
    }

    /** VGG-16: 13 3×3 convs with ReLU in 5 blocks, max pools, AveragePool(1), FC 4096 → 4096 → 1000. */
    static OnnxModel vgg16(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = w.input(3, RESOLUTION, RESOLUTION);
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int[] block : blocks) {
            for (int c : block) {
                int k = s.kernel(3, KERNELS);
                x = w.relu(w.conv(x, s.channels(c), k, 1, k / 2, 1, true));
            }
            x = w.maxPool(x, 2, 2, 0, false);
        }
        x = w.flatten(w.avgPool(x, 1, 1, 0));
        x = w.relu(w.linear(x, s.channels(4096)));
        x = w.relu(w.linear(x, s.channels(4096)));
        return w.build(w.linear(x, CLASSES));
    }

    /** ResNet-18: stem 7×7/2 + BN + ReLU + MaxPool, 4 stages of 2 basic blocks, GAP, FC. */
    static OnnxModel resnet18(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = w.input(3, RESOLUTION, RESOLUTION);
        int[] widths = {s.channels(64), s.channels(128), s.channels(256), s.channels(512)};
        int k0 = s.kernel(7, 3, 5, 7);
        x = w.relu(w.batchNorm(w.conv(x, widths[0], k0, 2, k0 / 2, 1, false)));
        x = w.maxPool(x, 3, 2, 1, false);
        int[] original = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < 2; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int k1 = s.kernel(3, KERNELS);
                int k2 = s.kernel(3, KERNELS);
                FeatureMap y = w.relu(w.batchNorm(w.conv(x, s.channels(original[stage]), k1, stride, 1)));
                y = w.batchNorm(w.conv(y, widths[stage], k2, 1, 1));
                FeatureMap shortcut = stride != 1 || x.channels() != widths[stage]
                        ? w.batchNorm(w.conv(x, widths[stage], 1, stride, 1)) : x;
                x = w.relu(w.add(y, shortcut));
            }
        }
        return w.build(w.linear(w.flatten(w.globalAvgPool(x)), CLASSES));
    }

    /** SqueezeNet 1.0: 7×7/2 conv, 8 Fire modules with 3 ceil-mode max pools, conv classifier, GAP. */
    static OnnxModel squeezenet(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = w.input(3, RESOLUTION, RESOLUTION);
        int k0 = s.kernel(7, 3, 5, 7);
        x = w.relu(w.conv(x, s.channels(96), k0, 2, 0, 1, true));
        x = w.maxPool(x, 3, 2, 0, true);
        int[][] fires = {{16, 64}, {16, 64}, {32, 128}, null, {32, 128}, {48, 192}, {48, 192}, {64, 256}, null,
                {64, 256}};
        for (int[] f : fires) {
            if (f == null) {
                x = w.maxPool(x, 3, 2, 0, true);
                continue;
            }
            FeatureMap sq = w.relu(w.conv(x, s.channels(f[0]), 1, 1, 0, 1, true));
            int k = s.kernel(3, 3, 5, 7);
            FeatureMap e1 = w.relu(w.conv(sq, s.channels(f[1]), 1, 1, 0, 1, true));
            FeatureMap e3 = w.relu(w.conv(sq, s.channels(f[1]), k, 1, k / 2, 1, true));
            x = w.concat(List.of(e1, e3));
        }
        x = w.relu(w.conv(x, CLASSES, 1, 1, 0, 1, true));
        return w.build(w.flatten(w.globalAvgPool(x)));
    }

    /** GoogLeNet (torchvision, no aux heads, no input transform): conv stem, 9 Inception modules, GAP, FC. */
    static OnnxModel googlenet(String name, VariantSampler s) {
        LayerWriter w = new LayerWriter(name);
        FeatureMap x = w.input(3, RESOLUTION, RESOLUTION);
        int k0 = s.kernel(7, 3, 5, 7);
        x = basic(w, x, s.channels(64), k0, 2);
        x = w.maxPool(x, 3, 2, 0, true);
        x = basic(w, x, s.channels(64), 1, 1);
        x = basic(w, x, s.channels(192), s.kernel(3, KERNELS), 1);
        x = w.maxPool(x, 3, 2, 0, true);
        int[][] modules = {{64, 96, 128, 16, 32, 32}, {128, 128, 192, 32, 96, 64}, null,
                {192, 96, 208, 16, 48, 64}, {160, 112, 224, 24, 64, 64}, {128, 128, 256, 24, 64, 64},
                {112, 144, 288, 32, 64, 64}, {256, 160, 320, 32, 128, 128}, {},
                {256, 160, 320, 32, 128, 128}, {384, 192, 384, 48, 128, 128}};
        for (int[] m : modules) {
            if (m == null) {
                x = w.maxPool(x, 3, 2, 0, true);
            } else if (m.length == 0) {
                x = w.maxPool(x, 2, 2, 0, true);
            } else {
                FeatureMap b1 = basic(w, x, s.channels(m[0]), 1, 1);
                FeatureMap b2 = basic(w, basic(w, x, s.channels(m[1]), 1, 1), s.channels(m[2]),
                        s.kernel(3, KERNELS), 1);
                FeatureMap b3 = basic(w, basic(w, x, s.channels(m[3]), 1, 1), s.channels(m[4]),
                        s.kernel(3, KERNELS), 1);
                FeatureMap b4 = basic(w, w.maxPool(x, 3, 1, 1, true), s.channels(m[5]), 1, 1);
                x = w.concat(List.of(b1, b2, b3, b4));
            }
        }
        return w.build(w.linear(w.flatten(w.globalAvgPool(x)), CLASSES));
    }

    /** torchvision's BasicConv2d: Conv (no bias, same padding) → BN → ReLU. */
    private static FeatureMap basic(LayerWriter w, FeatureMap x, int out, int kernel, int stride) {
        return w.relu(w.batchNorm(w.conv(x, out, kernel, stride, 1)));
    }
}
