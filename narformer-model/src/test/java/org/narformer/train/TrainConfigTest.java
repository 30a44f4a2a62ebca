package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainConfigTest {
    @Test
    void referenceModeDecaysLayerNormWeightsButNotBiases() {
        TrainConfig reference = TrainConfig.v1NasBench();
        assertTrue(reference.decays("01encoderAttention0_01key_weight"));
        assertTrue(reference.decays("01encoderNorm0_gamma"), "the reference's 'LayerNorm.weight' matches nothing");
        assertTrue(reference.decays("queries1"));
        assertFalse(reference.decays("01encoderAttention0_01key_bias"));
        assertFalse(reference.decays("01encoderNorm0_beta"));
        TrainConfig corrected = reference.withDecayExemption(TrainConfig.DecayExemption.BIASES_AND_NORM_WEIGHTS);
        assertFalse(corrected.decays("01encoderNorm0_gamma"));
        assertTrue(corrected.decays("01encoderAttention0_01key_weight"));
    }

    @Test
    void withoutWeightDecayNothingIsDecayed() {
        assertFalse(TrainConfig.nasBench201().decays("01layer0_weight"));
        assertTrue(TrainConfig.nasBench201().emaDecay() == 0f);
        assertTrue(TrainConfig.nasBench201().objective() == TrainConfig.Objective.RELATIVE_MSE);
        assertTrue(TrainConfig.v1NasBench().objective() == TrainConfig.Objective.MSE);
    }

    private static TrainConfig withEma(float decay) {
        TrainConfig c = TrainConfig.v1NasBench();
        return new TrainConfig(c.epochs(), c.batchSize(), c.evalBatchSize(), c.learningRate(), c.warmupRate(),
                c.lambdaSr(), c.lambdaCons(), c.seed(), c.evalEvery(), c.metric(), c.selectionSet(), c.windowBatches(),
                c.showProgress(), c.schedule(), c.objective(), c.weightDecay(), c.decayExemption(), decay);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.v1NasBench().withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> withEma(1f));
        assertThrows(IllegalArgumentException.class, () -> withEma(-0.1f));
        assertEquals(0.5f, withEma(0.5f).emaDecay());
    }
}
