package org.narformer.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
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
            if (weightDecay > 0 && decayed.test(p.getKey())) {
                w.muli(1 - lr * weightDecay);
            }
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, mv[0], mv[1]), new NDList(w), lr, corrected, 0f, 1f,
                    -1f, BETA1, BETA2, eps, true, false);
            g.muli(0f);
        }
        return true;
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
