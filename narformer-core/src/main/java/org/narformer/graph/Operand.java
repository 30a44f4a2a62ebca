package org.narformer.graph;

/**
 * One input of an operator as the operator sees it: the tensor's name, its shape, and whether it is a
 * constant (an ONNX initializer or the output of a {@code Constant} node — a weight, a bias, a shape vector).
 * Static features (FLOPs, parameters) are computed from operands; graph edges come only from data inputs.
 */
public record Operand(String name, TensorShape shape, boolean constant) {
    public Operand {
        if (name == null || shape == null) {
            throw new IllegalArgumentException("operand name and shape are required");
        }
    }
}
