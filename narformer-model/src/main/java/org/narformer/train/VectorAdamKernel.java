package org.narformer.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam's update of one parameter tensor in a single vectorised pass (JDK Vector API) over direct views of the
 * tensors' memory: {@code m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← decay·w − lr'·m / (√v + ε'); g ← 0}, the
 * arithmetic of DJL's native update ({@link AdamOptimizer} passes the bias-corrected {@code lr'} and {@code ε'}) in
 * one read and one write of each tensor instead of about thirty passes and four temporaries. Touch this class only
 * when {@link #moduleAvailable()}: it needs {@code --add-modules jdk.incubator.vector}.
 */
final class VectorAdamKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorAdamKernel() {
    }

    /** Whether the JVM was started with the Vector API module (without it this class cannot load). */
    static boolean moduleAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Updates {@code n} floats in place; all four buffers are native-order views of {@code 4n} bytes.
     *
     * @param decay AdamW's {@code 1 − lr·weightDecay}, 1 for Adam
     * @param lr    the bias-corrected step {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)}
     * @param eps   the bias-corrected {@code ε·√(1−β₂ᵗ)}
     */
    static void update(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v, int n, float decay, float lr,
                       float beta1, float beta2, float eps) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        int lanes = SPECIES.length();
        int vectorised = n - n % lanes;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = 0; i < vectorised; i += lanes) {
            int at = i * Float.BYTES;
            FloatVector gv = FloatVector.fromByteBuffer(SPECIES, g, at, ORDER);
            FloatVector mv = FloatVector.fromByteBuffer(SPECIES, m, at, ORDER).mul(beta1).add(gv.mul(oneMinusBeta1));
            FloatVector vv = FloatVector.fromByteBuffer(SPECIES, v, at, ORDER).mul(beta2)
                    .add(gv.mul(gv).mul(oneMinusBeta2));
            FloatVector wv = FloatVector.fromByteBuffer(SPECIES, w, at, ORDER).mul(decay);
            wv.sub(mv.mul(lr).div(vv.sqrt().add(eps))).intoByteBuffer(w, at, ORDER);
            mv.intoByteBuffer(m, at, ORDER);
            vv.intoByteBuffer(v, at, ORDER);
            zero.intoByteBuffer(g, at, ORDER);
        }
        for (int i = vectorised; i < n; i++) {
            int at = i * Float.BYTES;
            float gi = g.getFloat(at);
            float mi = m.getFloat(at) * beta1 + gi * oneMinusBeta1;
            float vi = v.getFloat(at) * beta2 + gi * gi * oneMinusBeta2;
            w.putFloat(at, w.getFloat(at) * decay - mi * lr / ((float) Math.sqrt(vi) + eps));
            m.putFloat(at, mi);
            v.putFloat(at, vi);
            g.putFloat(at, 0f);
        }
    }
}
