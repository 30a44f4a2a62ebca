package org.narformer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication by a constant that is safe inside an autograd graph. Shapes: any, output as input.
 *
 * <p>DJL's {@code mul(Number)} wraps the constant in a temporary array over Java (direct-buffer) memory and closes
 * it as soon as the product is taken, but PyTorch's graph keeps a pointer to that memory to compute the product's
 * gradient. When a garbage collection frees the buffer before the backward pass, the backward reads whatever has
 * reused the memory: gradients off by arbitrary factors, often infinite (the skipped training steps of sessions 6–8,
 * docs/RESULTS.md), and sometimes silently wrong. Here the constant is a tensor PyTorch allocates and owns, which the
 * graph keeps alive for as long as it needs it.
 */
public final class AutogradScalar {
    private AutogradScalar() {
    }

    /** {@code x · c} as a new array. */
    public static NDArray times(NDArray x, float c) {
        try (NDArray scalar = x.getManager().full(new Shape(), c)) {
            return x.mul(scalar);
        }
    }

    /** {@code x · c} in place; returns {@code x}. */
    public static NDArray timesInPlace(NDArray x, float c) {
        try (NDArray scalar = x.getManager().full(new Shape(), c)) {
            return x.muli(scalar);
        }
    }
}
