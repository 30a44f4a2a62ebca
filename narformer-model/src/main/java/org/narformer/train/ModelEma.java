package org.narformer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.ParameterList;
import org.narformer.model.GraphModel;
import org.narformer.model.ModelFamily;

/**
 * An exponential moving average of a network's weights (timm {@code ModelEma}, REFERENCE.md §6.3): after each
 * optimiser step {@code ema ← decay·ema + (1 − decay)·w} for every parameter. The average is itself a model of
 * the same family, evaluated and selected beside the raw one. Owns native memory: close it.
 *
 * @param <M> the model type
 */
public final class ModelEma<M extends GraphModel<?>> implements AutoCloseable {
    private final float decay;
    private final M ema;

    /** Starts the average at a copy of {@code model}'s current weights. */
    public ModelEma(ModelFamily<M> family, M model, float decay) {
        this(family.copy(model), decay);
    }

    /** Continues an average whose current weights are {@code average} (taken over; closed with this). */
    public ModelEma(M average, float decay) {
        if (!(decay > 0 && decay < 1)) {
            average.close();
            throw new IllegalArgumentException("EMA decay must be in (0, 1): " + decay);
        }
        this.decay = decay;
        this.ema = average;
    }

    public float decay() {
        return decay;
    }

    /** The averaged network. */
    public M model() {
        return ema;
    }

    /** One EMA step toward {@code model}'s current weights. */
    public void update(M model) {
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
