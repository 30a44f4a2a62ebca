package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/**
 * The attention blocks' gradients do not depend on what the JVM does between the forward and the backward pass.
 * DJL's {@code mul(Number)} wraps the constant in an array over Java memory and frees it as soon as the product is
 * taken, while PyTorch's graph keeps a pointer to it for the backward pass: a garbage collection in between let the
 * backward read whatever reused that memory, and V1 and V2 skipped 1–3 % of their training steps for non-finite
 * gradients. Here {@link FreedMemoryChurn} runs between the passes.
 */
class ScaledAttentionGradientIT {
    private static final Shape INPUT = new Shape(2, 5, 12);

    @Test
    void multiHeadAttentionGradientsSurviveAGarbageCollectionBeforeBackward() {
        MultiHeadAttentionBlock block = new MultiHeadAttentionBlock(12, 2, 0f, true);
        assertSameGradients(block, x -> new NDList(x, x), INPUT, INPUT);
    }

    @Test
    void graphAttentionGradientsSurviveAGarbageCollectionBeforeBackward() {
        GraphAttentionBlock block = new GraphAttentionBlock(12, 12, true);
        assertSameGradients(block, x -> new NDList(x, x.getManager().ones(new Shape(2, 5, 5))), INPUT,
                new Shape(2, 5, 5));
    }

    private static void assertSameGradients(Block block, Function<NDArray, NDList> inputs, Shape... shapes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            block.initialize(manager, DataType.FLOAT32, shapes);
            float[] values = new float[Math.toIntExact(INPUT.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) Math.sin(i * 0.37);
            }
            float[] quiet = gradient(manager, block, inputs, values, false);
            float[] churned = gradient(manager, block, inputs, values, true);
            assertArrayEquals(quiet, churned, 0f, "the input gradient must not change with a collection "
                    + "between forward and backward");
        }
    }

    private static float[] gradient(NDManager manager, Block block, Function<NDArray, NDList> inputs, float[] values,
                                    boolean churn) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(values, INPUT);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(step, false), inputs.apply(x), true)
                        .singletonOrThrow();
                NDArray loss = out.sum();
                List<ByteBuffer> garbage = churn ? FreedMemoryChurn.reuseFreedMemory() : new ArrayList<>();
                collector.backward(loss);
                garbage.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }
}
