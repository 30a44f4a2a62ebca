package org.narformer.model;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

/**
 * The reference initialisations (REFERENCE.md §4.3), applied to DJL {@link Linear} blocks whose weight is
 * {@code [out, in]} like {@code torch.nn.Linear}.
 */
final class ReferenceInit {
    private ReferenceInit() {
    }

    /**
     * {@code torch.nn.Linear} under the reference {@code "thomas"} init (head, static projection, fusion MLP):
     * weight U(±1/√in), bias U(±1/√out) (it uses {@code size(-1)}, which is {@code out} for the bias).
     */
    static Linear thomasLinear(int in, int out) {
        Linear linear = Linear.builder().setUnits(out).optBias(true).build();
        linear.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(in))), Parameter.Type.WEIGHT);
        linear.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(out))), Parameter.Type.BIAS);
        return linear;
    }

    /**
     * PyG {@code Linear} defaults (attention projections W_l, W_r, W_d, W_qk): kaiming-uniform(a=√5), i.e.
     * weight U(±1/√in), and bias U(±1/√in).
     */
    static Linear pygLinear(int in, int out, boolean bias) {
        Linear linear = Linear.builder().setUnits(out).optBias(bias).build();
        UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(in)));
        linear.setInitializer(init, Parameter.Type.WEIGHT);
        if (bias) {
            linear.setInitializer(init, Parameter.Type.BIAS);
        }
        return linear;
    }
}
