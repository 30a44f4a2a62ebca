package org.narformer.zoo;

/**
 * A tensor of the network being written, with the shape the writer tracks: {@code [1, channels, height,
 * width]} for a feature map, {@code [1, channels]} after {@link LayerWriter#flatten} (then height = width = 1).
 *
 * @param tensor   the ONNX tensor name
 * @param channels C (or the feature count of a flattened vector)
 * @param height   H
 * @param width    W
 */
public record FeatureMap(String tensor, int channels, int height, int width) {
    public FeatureMap {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature map " + tensor + " has an empty dimension: " + channels
                    + "x" + height + "x" + width);
        }
    }
}
