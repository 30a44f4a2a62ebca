package org.narformer.zoo;

import java.util.ArrayList;
import java.util.List;

import org.narformer.cells.FbnetCode;
import org.narformer.cells.FbnetLayer;
import org.narformer.cells.FbnetOp;
import org.narformer.onnx.OnnxModel;

/**
 * The whole FBNet-space network of a 22-layer code in HELP's CIFAR-100 setting, as {@code shared/data/README.md}
 * describes it. Input {@code [1, 3, 32, 32]}, output {@code [1, 100]}:
 *
 * <pre>
 * stem   Conv3x3(3→16) → BN → ReLU                                       [1, 16, 32, 32]
 * 22 layers in stages (layers, C_out, first stride): (1,16,1) (4,24,1) (4,32,2) (4,64,2) (4,112,1) (4,184,2)
 *        (1,352,1)                                                       [1, 352, 4, 4]
 * head   Conv1x1(352→1504) → BN → ReLU → GlobalAveragePool → Flatten → Gemm(1504→100)   [1, 100]
 * </pre>
 *
 * A {@code kK_eE[_gG]} layer: Conv1x1(C_in→E·C_in, groups G) → BN → ReLU → [channel shuffle if G &gt; 1] →
 * depthwise Conv K×K (stride s) → BN → ReLU → Conv1x1(E·C_in→C_out, groups G) → BN, plus the input when the
 * shape is kept. {@code skip}: the input itself when the shape is kept, else Conv1x1(stride s) → BN → ReLU.
 * Convolutions have no bias.
 *
 * @param model        the network, weights stripped
 * @param layerOutputs the output tensor of each of the 22 layers (the input tensor for an identity skip)
 */
public record FbnetNetwork(OnnxModel model, List<String> layerOutputs) {
    /** Input resolution (CIFAR-100). */
    public static final int RESOLUTION = 32;
    /** Channels of the head's 1×1 convolution. */
    public static final int HEAD_CHANNELS = 1504;
    /** Classes of the linear head (CIFAR-100). */
    public static final int CLASSES = 100;

    public FbnetNetwork {
        layerOutputs = List.copyOf(layerOutputs);
    }

    /** Builds the network of {@code code}. */
    public static FbnetNetwork build(FbnetCode code) {
        LayerWriter w = new LayerWriter("fbnet " + code.format());
        FeatureMap x = w.relu(w.batchNorm(w.conv(w.input(3, RESOLUTION, RESOLUTION), 16, 3, 1, 1)));
        List<String> outputs = new ArrayList<>(FbnetCode.LAYER_COUNT);
        for (FbnetLayer layer : code.layers()) {
            x = layer(w, x, layer);
            outputs.add(x.tensor());
        }
        FeatureMap head = w.relu(w.batchNorm(w.conv(x, HEAD_CHANNELS, 1, 1, 1)));
        OnnxModel model = w.build(w.linear(w.flatten(w.globalAvgPool(head)), CLASSES));
        return new FbnetNetwork(model, outputs);
    }

    private static FeatureMap layer(LayerWriter w, FeatureMap x, FbnetLayer layer) {
        FbnetOp op = layer.op();
        int s = layer.stride();
        if (op.isSkip()) {
            return layer.keepsShape() ? x : w.relu(w.batchNorm(w.conv(x, layer.outChannels(), 1, s, 1)));
        }
        int g = op.groups();
        int mid = op.expansion() * layer.inChannels();
        FeatureMap y = w.relu(w.batchNorm(w.conv(x, mid, 1, 1, g)));
        if (g > 1) {
            y = w.channelShuffle(y, g);
        }
        y = w.relu(w.batchNorm(w.conv(y, mid, op.kernel(), s, mid)));
        y = w.batchNorm(w.conv(y, layer.outChannels(), 1, 1, g));
        return layer.keepsShape() ? w.add(y, x) : y;
    }
}
