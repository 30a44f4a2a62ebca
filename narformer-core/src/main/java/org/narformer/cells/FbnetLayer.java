package org.narformer.cells;

/**
 * One searchable layer of an FBNet network, with its place in the macro-architecture.
 *
 * @param index        layer index 0..21
 * @param stage        stage index 0..6 into {@link FbnetStage#STAGES}
 * @param indexInStage position within the stage (0 = the stage's first layer)
 * @param op           the chosen operation
 * @param inChannels   input channels (the previous layer's output, 16 for layer 0)
 * @param outChannels  output channels of the stage
 * @param stride       the stage's first stride for its first layer, else 1
 */
public record FbnetLayer(int index, int stage, int indexInStage, FbnetOp op, int inChannels, int outChannels,
                         int stride) {
    /** True when the layer keeps the tensor shape, so a residual (or an identity skip) applies. */
    public boolean keepsShape() {
        return inChannels == outChannels && stride == 1;
    }
}
