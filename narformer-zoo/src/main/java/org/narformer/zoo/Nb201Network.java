package org.narformer.zoo;

import java.util.ArrayList;
import java.util.List;

import org.narformer.cells.Nb201Cell;
import org.narformer.cells.Nb201Op;
import org.narformer.onnx.OnnxModel;

/**
 * The whole NAS-Bench-201 network that was timed for a cell (the CIFAR-10 "TinyNetwork"), as
 * {@code shared/data/README.md} describes it. Input {@code [1, 3, 32, 32]}, output {@code [1, 10]}:
 *
 * <pre>
 * stem   Conv3x3(3→16, no bias) → BN                                   [1, 16, 32, 32]
 * 5 cells at C=16 → reduction(16→32) → 5 cells at C=32                  [1, 32, 16, 16]
 * → reduction(32→64) → 5 cells at C=64                                  [1, 64,  8,  8]
 * head   BN → ReLU → GlobalAveragePool → Flatten → Gemm(64→10)          [1, 10]
 * </pre>
 *
 * A cell's node j sums its edges' ops on nodes i &lt; j; the output is node 3. Edge ops: {@code nor_conv_k} =
 * ReLU → Conv k×k (same padding, no bias) → BN; {@code avg_pool_3x3} = AveragePool 3, stride 1, pad 1, padding
 * excluded; {@code skip_connect} = the tensor itself; {@code none} = Mul by a 0 constant. The reduction block:
 * {@code a = ReLU→Conv3x3/2→BN}, {@code b = ReLU→Conv3x3→BN (a)}, shortcut {@code AvgPool2x2/2 → Conv1x1},
 * output {@code shortcut + b}. Trainable parameters (conv weights, BN scale and bias, linear weight and bias)
 * equal the {@code params_cifar10} column of {@code nb201_merged.csv}.
 */
public final class Nb201Network {
    /** Input resolution (CIFAR-10). */
    public static final int RESOLUTION = 32;
    /** Channels of the first stage. */
    public static final int STEM_CHANNELS = 16;
    /** Cells per stage. */
    public static final int CELLS_PER_STAGE = 5;
    /** Classes of the linear head (CIFAR-10). */
    public static final int CLASSES = 10;

    private Nb201Network() {
    }

    /** The network of {@code cell}, weights stripped, named after the cell's architecture string. */
    public static OnnxModel build(Nb201Cell cell) {
        LayerWriter w = new LayerWriter("nb201 " + cell.format());
        FeatureMap x = w.batchNorm(w.conv(w.input(3, RESOLUTION, RESOLUTION), STEM_CHANNELS, 3, 1, 1));
        for (int stage = 0; stage < 3; stage++) {
            int c = STEM_CHANNELS << stage;
            if (stage > 0) {
                x = reduction(w, x, c);
            }
            for (int k = 0; k < CELLS_PER_STAGE; k++) {
                x = cell(w, x, cell.edgeOps());
            }
        }
        FeatureMap pooled = w.globalAvgPool(w.relu(w.batchNorm(x)));
        return w.build(w.linear(w.flatten(pooled), CLASSES));
    }

    private static FeatureMap cell(LayerWriter w, FeatureMap input, List<Nb201Op> ops) {
        List<FeatureMap> nodes = new ArrayList<>(List.of(input));
        int e = 0;
        for (int j = 1; j <= 3; j++) {
            FeatureMap sum = null;
            for (int i = 0; i < j; i++, e++) {
                FeatureMap term = edge(w, nodes.get(i), ops.get(e));
                sum = sum == null ? term : w.add(sum, term);
            }
            nodes.add(sum);
        }
        return nodes.get(3);
    }

    private static FeatureMap edge(LayerWriter w, FeatureMap x, Nb201Op op) {
        return switch (op) {
            case NOR_CONV_1X1 -> w.batchNorm(w.conv(w.relu(x), x.channels(), 1, 1, 1));
            case NOR_CONV_3X3 -> w.batchNorm(w.conv(w.relu(x), x.channels(), 3, 1, 1));
            case AVG_POOL_3X3 -> w.avgPool(x, 3, 1, 1);
            case SKIP_CONNECT -> x;
            case NONE -> w.zero(x);
            default -> throw new IllegalArgumentException(op + " is not an edge op");
        };
    }

    private static FeatureMap reduction(LayerWriter w, FeatureMap x, int out) {
        FeatureMap a = w.batchNorm(w.conv(w.relu(x), out, 3, 2, 1));
        FeatureMap b = w.batchNorm(w.conv(w.relu(a), out, 3, 1, 1));
        FeatureMap shortcut = w.conv(w.avgPool(x, 2, 2, 0), out, 1, 1, 1);
        return w.add(shortcut, b);
    }
}
