package org.narformer.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.ParameterList;
import org.narformer.NarFormerException;
import org.narformer.model.V1Model;

/**
 * An exponential moving average of a V1 network's weights (timm {@code ModelEma}, REFERENCE.md §6.3): after
 * each optimiser step {@code ema ← decay·ema + (1 − decay)·w} for every parameter. The average is itself a
 * {@link V1Model}, evaluated beside the raw one. Owns native memory: close it.
 */
public final class ModelEma implements AutoCloseable {
    private final float decay;
    private final V1Model ema;

    /** Starts the average at a copy of {@code model}'s current weights. */
    public ModelEma(V1Model model, float decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in (0, 1): " + decay);
        }
        this.decay = decay;
        this.ema = copyOf(model);
    }

    /** A separate network with {@code model}'s configuration, tokenizer and current weights. */
    public static V1Model copyOf(V1Model model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.saveParameters(new DataOutputStream(bytes));
            return V1Model.load(model.config(), model.tokenizer(),
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException | MalformedModelException e) {
            throw new NarFormerException("cannot copy the V1 network's parameters: " + e.getMessage(), e);
        }
    }

    public float decay() {
        return decay;
    }

    /** The averaged network. */
    public V1Model model() {
        return ema;
    }

    /** One EMA step toward {@code model}'s current weights. */
    public void update(V1Model model) {
        ParameterList target = ema.parameters();
        ParameterList source = model.parameters();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (int i = 0; i < target.size(); i++) {
                NDArray e = target.get(i).getValue().getArray();
                NDArray w = source.get(i).getValue().getArray();
                e.muli(decay).addi(w.mul(1 - decay));
            }
        }
    }

    @Override
    public void close() {
        ema.close();
    }
}
