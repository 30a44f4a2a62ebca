package org.narformer.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import org.narformer.model.GraphModel;

/**
 * {@code torch.optim.Adam} with the defaults the reference uses (β = (0.9, 0.999), ε = 1e-8, no weight decay;
 * NAR-Former V1's {@code AdamW} with decoupled weight decay),
 * one fused native update per parameter, and state that can be saved and restored for resuming.
 *
 * <p>DJL's fused update computes {@code w −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε')}; passing
 * {@code ε' = ε·√(1−β₂ᵗ)} makes it exactly PyTorch's {@code w −= lr · m̂ / (√v̂ + ε)}.
 *
 * <p>With the Vector API module ({@code --add-modules jdk.incubator.vector}, which the launcher gives the training
 * commands) the update runs as {@link VectorAdamKernel}: the same arithmetic in one pass over each tensor instead
 * of DJL's native update (≈ 30 passes with temporaries over ≈ 35 MB per tensor for the NB201 model). Without the
 * module, or with {@code -Dnarformer.adam=djl}, DJL's update runs.
 *
 * <p>A step whose gradients hold an infinity or NaN is skipped (gradients zeroed, weights and moments left as
 * they were), as PyTorch's {@code GradScaler} does: one overflowing backward pass would otherwise turn the
 * moments, and from them the weights, into NaN for good (seen once on NB201 at epoch 22 of a 100-epoch run,
 * in the layer-0 Q/K and degree weights). The reference has no such guard; it only changes runs that would
 * otherwise have ended in NaN.
 */
final class AdamOptimizer {
    private static final int STATE_VERSION = 2;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final ParameterList parameters;
    private final NDManager manager;
    private final float weightDecay;
    private final Predicate<String> decayed;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final boolean vectorised;
    /** Per parameter: whether its four tensors were found viewed, not copied, by {@code toByteBuffer(true)}. */
    private final Map<String, Boolean> viewed = new HashMap<>();
    private long steps;
    private long skipped;

    /** Plain Adam over a network's parameters. */
    AdamOptimizer(GraphModel<?> model) {
        this(model.parameters(), model.manager(), 0f, name -> false);
    }

    /** Adam, or AdamW when {@code config} has a weight decay, over a network's parameters. */
    AdamOptimizer(GraphModel<?> model, TrainConfig config) {
        this(model.parameters(), model.manager(), config.weightDecay(), config::decays);
    }

    /**
     * {@code torch.optim.AdamW} when {@code weightDecay > 0}: before each update every parameter whose name
     * {@code decayed} accepts is multiplied by {@code 1 − lr·weightDecay} (decoupled decay).
     *
     * @param manager owns the moments (must live as long as the parameters)
     */
    AdamOptimizer(ParameterList parameters, NDManager manager, float weightDecay, Predicate<String> decayed) {
        this.parameters = parameters;
        this.manager = manager;
        this.weightDecay = weightDecay;
        this.decayed = decayed;
        this.vectorised = !"djl".equals(System.getProperty("narformer.adam")) && VectorAdamKernel.moduleAvailable();
        for (Pair<String, Parameter> p : parameters) {
            NDArray w = p.getValue().getArray();
            NDArray m = manager.zeros(w.getShape(), w.getDataType());
            NDArray v = manager.zeros(w.getShape(), w.getDataType());
            moments.put(p.getKey(), new NDArray[] {m, v});
        }
    }

    /** Updates that have been applied. */
    long steps() {
        return steps;
    }

    /** Steps skipped because their gradients were not finite. */
    long skipped() {
        return skipped;
    }

    /** Records a step skipped before its backward pass produced usable gradients (non-finite loss). */
    void skip() {
        skipped++;
        for (Pair<String, Parameter> p : parameters) {
            p.getValue().getArray().getGradient().set(new NDIndex(":"), 0f);
        }
    }

    /** Steps taken, applied or skipped: the position in the learning-rate schedule. */
    long iterations() {
        return steps + skipped;
    }

    /**
     * Applies one update with learning rate {@code lr} from the accumulated gradients, then zeroes them;
     * skips the update when a gradient is not finite. Call inside an {@code NDScope}: the gradient handles
     * it fetches are closed with the scope.
     *
     * @return whether the update was applied
     */
    boolean step(float lr) {
        List<NDArray> sums = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            sums.add(p.getValue().getArray().getGradient().sum());
        }
        // one pass over the gradients: a sum is finite only if every element is (or it overflowed: skip too)
        if (!Float.isFinite(NDArrays.stack(new NDList(sums)).sum().getFloat())) {
            skip();
            return false;
        }
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (lr * Math.sqrt(c2) / c1);
        float eps = (float) (EPS * Math.sqrt(c2));
        for (Pair<String, Parameter> p : parameters) {
            NDArray w = p.getValue().getArray();
            NDArray g = w.getGradient();
            NDArray[] mv = moments.get(p.getKey());
            float decay = weightDecay > 0 && decayed.test(p.getKey()) ? 1 - lr * weightDecay : 1f;
            if (vectorised && w.getDataType() == DataType.FLOAT32 && updateInOnePass(p.getKey(), w, g, mv, decay,
                    corrected, eps)) {
                continue;
            }
            if (decay != 1f) {
                w.muli(decay);
            }
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, mv[0], mv[1]), new NDList(w), lr, corrected, 0f, 1f,
                    -1f, BETA1, BETA2, eps, true, false);
            g.muli(0f);
        }
        return true;
    }

    /**
     * {@link VectorAdamKernel} over views of the four tensors; false (nothing changed) when a tensor's memory
     * cannot be viewed directly (DJL would hand over a copy, e.g. of a non-contiguous gradient).
     */
    private boolean updateInOnePass(String name, NDArray w, NDArray g, NDArray[] mv, float decay, float lr,
                                    float eps) {
        ByteBuffer wb = w.toByteBuffer(true);
        ByteBuffer gb = g.toByteBuffer(true);
        ByteBuffer mb = mv[0].toByteBuffer(true);
        ByteBuffer vb = mv[1].toByteBuffer(true);
        if (!viewed.computeIfAbsent(name, k -> views(w, wb) && views(g, gb) && views(mv[0], mb)
                && views(mv[1], vb))) {
            return false;
        }
        VectorAdamKernel.update(wb, gb, mb, vb, Math.toIntExact(w.size()), decay, lr, BETA1, BETA2, eps);
        return true;
    }

    /** Whether {@code buffer} is {@code array}'s memory (a write through it shows in the array), not a copy. */
    private static boolean views(NDArray array, ByteBuffer buffer) {
        if (!buffer.isDirect() || array.size() == 0) {
            return buffer.isDirect();
        }
        float original = buffer.getFloat(0);
        float probe = original == 1f ? 2f : 1f;
        buffer.putFloat(0, probe);
        boolean same;
        try (NDArray flat = array.reshape(-1)) {
            same = flat.getFloat(0) == probe;
        }
        buffer.putFloat(0, original);
        return same;
    }

    /** Serialised state: step count and both moments of every parameter. */
    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(STATE_VERSION);
            out.writeLong(steps);
            out.writeLong(skipped);
            out.writeInt(moments.size());
            for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
                out.writeUTF(e.getKey());
                for (NDArray a : e.getValue()) {
                    byte[] encoded = a.encode();
                    out.writeInt(encoded.length);
                    out.write(encoded);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restores state written by {@link #encode()} (version 1, written before skipped steps were counted, reads
     * as zero skipped); {@code source} names the file in error messages.
     */
    void restore(byte[] state, String source) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        int version = in.readInt();
        if (version != 1 && version != STATE_VERSION) {
            throw new IOException(source + ": optimizer state version " + version + ", expected 1 or "
                    + STATE_VERSION);
        }
        long restoredSteps = in.readLong();
        long restoredSkipped = version == 1 ? 0 : in.readLong();
        int count = in.readInt();
        if (count != moments.size()) {
            throw new IOException(source + ": optimizer state for " + count + " parameters, model has "
                    + moments.size());
        }
        for (int k = 0; k < count; k++) {
            String name = in.readUTF();
            NDArray[] mv = moments.get(name);
            if (mv == null) {
                throw new IOException(source + ": optimizer state for unknown parameter " + name);
            }
            for (int s = 0; s < 2; s++) {
                byte[] encoded = new byte[in.readInt()];
                in.readFully(encoded);
                try (NDArray decoded = NDArray.decode(manager, encoded)) {
                    if (!decoded.getShape().equals(mv[s].getShape())) {
                        throw new IOException(source + ": optimizer state of " + name + " has shape "
                                + decoded.getShape() + ", parameter has " + mv[s].getShape());
                    }
                    mv[s].set(decoded.toFloatArray());
                }
            }
        }
        steps = restoredSteps;
        skipped = restoredSkipped;
    }
}
