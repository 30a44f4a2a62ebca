package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.narformer.model.Readout;
import org.narformer.model.V2Config;
import org.narformer.model.V2Model;

/** The non-finite-gradient guard of {@link AdamOptimizer} and its state format. */
class AdamOptimizerIT {
    private static final V2Config TINY = new V2Config(16, 32, 1, 4, 8, 0f, 1e-4f, true, Readout.LAYER_MEAN_FUSION, 0);

    @Test
    void aStepWithAnInfiniteGradientIsSkippedAndLeavesWeightsAndMomentsAlone() {
        try (V2Model model = V2Model.create(TINY, 3)) {
            model.attachGradients();
            AdamOptimizer adam = new AdamOptimizer(model);
            List<float[]> before = weights(model);
            byte[] stateBefore = adam.encode();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                fillGradients(model, 0.5f);
                first(model).getGradient().set(new NDIndex("0"), Float.POSITIVE_INFINITY);
                assertFalse(adam.step(1e-3f));
            }
            assertEquals(0, adam.steps());
            assertEquals(1, adam.skipped());
            assertEquals(1, adam.iterations(), "a skipped step still advances the schedule");
            List<float[]> after = weights(model);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i));
            }
            for (Pair<String, Parameter> p : model.parameters()) {
                assertEquals(0f, p.getValue().getArray().getGradient().abs().sum().getFloat(),
                        "gradients are zeroed after a skipped step: " + p.getKey());
            }
            assertEquals(ByteBuffer.wrap(stateBefore, 20, stateBefore.length - 20),
                    ByteBuffer.wrap(adam.encode(), 20, stateBefore.length - 20),
                    "moments untouched (state v2 = version, steps, skipped, moments)");

            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                fillGradients(model, 0.5f);
                assertTrue(adam.step(1e-3f));
            }
            assertEquals(1, adam.steps());
            assertNotEquals(before.get(0)[0], weights(model).get(0)[0], "a finite step updates the weights");
        }
    }

    @Test
    void stateRoundTripsWithTheSkippedCountAndVersionOneStillReads() throws IOException {
        try (V2Model model = V2Model.create(TINY, 4)) {
            model.attachGradients();
            AdamOptimizer adam = new AdamOptimizer(model);
            adam.skip();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                fillGradients(model, 0.25f);
                adam.step(1e-3f);
            }
            AdamOptimizer restored = new AdamOptimizer(model);
            restored.restore(adam.encode(), "state");
            assertEquals(1, restored.steps());
            assertEquals(1, restored.skipped());

            byte[] v2 = adam.encode();
            ByteArrayOutputStream v1 = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(v1);
            out.writeInt(1);
            out.write(v2, 4, 8);
            out.write(v2, 20, v2.length - 20);
            out.flush();
            AdamOptimizer old = new AdamOptimizer(model);
            old.restore(v1.toByteArray(), "state-v1");
            assertEquals(1, old.steps());
            assertEquals(0, old.skipped());
            assertEquals(ByteBuffer.wrap(v2, 20, v2.length - 20), ByteBuffer.wrap(old.encode(), 20, v2.length - 20));
        }
    }

    private static NDArray first(V2Model model) {
        return model.parameters().get(0).getValue().getArray();
    }

    /** Gradients exist only after a backward pass: run one through all parameters, then overwrite them. */
    private static void fillGradients(V2Model model, float value) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (Pair<String, Parameter> p : model.parameters()) {
                NDArray s = p.getValue().getArray().sum();
                total = total == null ? s : total.add(s);
            }
            collector.backward(total);
        }
        for (Pair<String, Parameter> p : model.parameters()) {
            p.getValue().getArray().getGradient().set(new NDIndex(":"), value);
        }
    }

    private static List<float[]> weights(V2Model model) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : model.parameters()) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }
}
