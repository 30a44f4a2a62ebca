package org.narformer.cells;

import java.util.List;

/**
 * One stage of the FBNet macro-architecture (HELP's CIFAR-100 setting).
 *
 * @param layers      number of searchable layers in the stage
 * @param outChannels output channels of every layer of the stage
 * @param firstStride stride of the stage's first layer (the others have stride 1)
 */
public record FbnetStage(int layers, int outChannels, int firstStride) {
    /** Output channels of the stem, Conv3x3(3→16) → BN → ReLU: the input channels of layer 0. */
    public static final int STEM_CHANNELS = 16;

    /** The seven stages: (1,16,1), (4,24,1), (4,32,2), (4,64,2), (4,112,1), (4,184,2), (1,352,1); 22 layers. */
    public static final List<FbnetStage> STAGES = List.of(
            new FbnetStage(1, 16, 1), new FbnetStage(4, 24, 1), new FbnetStage(4, 32, 2),
            new FbnetStage(4, 64, 2), new FbnetStage(4, 112, 1), new FbnetStage(4, 184, 2),
            new FbnetStage(1, 352, 1));
}
