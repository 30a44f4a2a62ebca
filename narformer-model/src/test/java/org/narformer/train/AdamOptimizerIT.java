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

    @Test
    void theOnePassUpdateMatchesDjlsNativeUpdate() {
        assertTrue(VectorAdamKernel.moduleAvailable(), "tests run with --add-modules jdk.incubator.vector");
        try (V2Model native1 = V2Model.create(TINY, 5); V2Model onePass = V2Model.create(TINY, 5)) {
            native1.attachGradients();
            onePass.attachGradients();
            String before = System.setProperty("narformer.adam", "djl");
            AdamOptimizer djl;
            try {
                djl = new AdamOptimizer(native1.parameters(), native1.manager(), 0.01f, n -> n.endsWith("weight"));
            } finally {
                System.clearProperty("narformer.adam");
                if (before != null) {
                    System.setProperty("narformer.adam", before);
                }
            }
            AdamOptimizer vector = new AdamOptimizer(onePass.parameters(), onePass.manager(), 0.01f,
                    n -> n.endsWith("weight"));
            float[] rates = {1e-3f, 5e-4f, 2e-3f};
            for (int step = 0; step < rates.length; step++) {
                stepWithVariedGradients(native1, djl, rates[step], step);
                stepWithVariedGradients(onePass, vector, rates[step], step);
            }
            List<float[]> expected = weights(native1);
            List<float[]> actual = weights(onePass);
            for (int i = 0; i < expected.size(); i++) {
                for (int k = 0; k < expected.get(i).length; k++) {
                    float e = expected.get(i)[k];
                    assertEquals(e, actual.get(i)[k], 1e-6f * Math.max(1f, Math.abs(e)),
                            native1.parameters().get(i).getKey() + "[" + k + "]");
                }
            }
            for (Pair<String, Parameter> p : onePass.parameters()) {
                assertEquals(0f, p.getValue().getArray().getGradient().abs().sum().getFloat(),
                        "gradients are zeroed: " + p.getKey());
            }
        }
    }

    /** One update from varied, signed gradients of every magnitude the weights have. */
    private static void stepWithVariedGradients(V2Model model, AdamOptimizer adam, float lr, int step) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            fillGradients(model, 0f);
            for (Pair<String, Parameter> p : model.parameters()) {
                NDArray w = p.getValue().getArray();
                w.getGradient().set(new NDIndex(":"), w.mul(0.7f).sub(0.01f * (step + 1)));
            }
            assertTrue(adam.step(lr));
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
