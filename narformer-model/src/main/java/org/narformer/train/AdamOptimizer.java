package org.narformer.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.narformer.model.V2Model;

/**
 * {@code torch.optim.Adam} with the defaults the reference uses (β = (0.9, 0.999), ε = 1e-8, no weight decay),
 * one fused native update per parameter, and state that can be saved and restored for resuming.
 *
 * <p>DJL's fused update computes {@code w −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε')}; passing
 * {@code ε' = ε·√(1−β₂ᵗ)} makes it exactly PyTorch's {@code w −= lr · m̂ / (√v̂ + ε)}.
 */
final class AdamOptimizer {
    private static final int STATE_VERSION = 1;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final V2Model model;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private long steps;

    AdamOptimizer(V2Model model) {
        this.model = model;
        for (Pair<String, Parameter> p : model.parameters()) {
            NDArray w = p.getValue().getArray();
            NDArray m = model.manager().zeros(w.getShape(), w.getDataType());
            NDArray v = model.manager().zeros(w.getShape(), w.getDataType());
            moments.put(p.getKey(), new NDArray[] {m, v});
        }
    }

    /** Updates that have been applied. */
    long steps() {
        return steps;
    }

    /**
     * Applies one update with learning rate {@code lr} from the accumulated gradients, then zeroes them.
     * Call inside an {@code NDScope}: the gradient handles it fetches are closed with the scope.
     */
    void step(float lr) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (lr * Math.sqrt(c2) / c1);
        float eps = (float) (EPS * Math.sqrt(c2));
        for (Pair<String, Parameter> p : model.parameters()) {
            NDArray w = p.getValue().getArray();
            NDArray g = w.getGradient();
            NDArray[] mv = moments.get(p.getKey());
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, mv[0], mv[1]), new NDList(w), lr, corrected, 0f, 1f,
                    -1f, BETA1, BETA2, eps, true, false);
            g.muli(0f);
        }
    }

    /** Serialised state: step count and both moments of every parameter. */
    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(STATE_VERSION);
            out.writeLong(steps);
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

    /** Restores state written by {@link #encode()}; {@code source} names the file in error messages. */
    void restore(byte[] state, String source) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new IOException(source + ": optimizer state version " + version + ", expected " + STATE_VERSION);
        }
        long restoredSteps = in.readLong();
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
                try (NDArray decoded = NDArray.decode(model.manager(), encoded)) {
                    if (!decoded.getShape().equals(mv[s].getShape())) {
                        throw new IOException(source + ": optimizer state of " + name + " has shape "
                                + decoded.getShape() + ", parameter has " + mv[s].getShape());
                    }
                    mv[s].set(decoded.toFloatArray());
                }
            }
        }
        steps = restoredSteps;
    }
}
