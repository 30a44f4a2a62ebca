package org.narformer.onnx;

import org.narformer.graph.TensorShape;

/**
 * A graph input or output as an inference engine needs it: name, element type and static shape.
 *
 * @param type null when the file uses an element type {@link OnnxDataType} does not name
 */
public record OnnxTensorSpec(String name, OnnxDataType type, TensorShape shape) { }
