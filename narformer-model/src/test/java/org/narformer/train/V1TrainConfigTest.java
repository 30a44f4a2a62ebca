package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class V1TrainConfigTest {
    @Test
    void referenceModeDecaysLayerNormWeightsButNotBiases() {
        V1TrainConfig reference = V1TrainConfig.defaults();
        assertTrue(reference.decays("01encoderAttention0_01key_weight"));
        assertTrue(reference.decays("01encoderNorm0_gamma"), "the reference's 'LayerNorm.weight' matches nothing");
        assertTrue(reference.decays("queries1"));
        assertFalse(reference.decays("01encoderAttention0_01key_bias"));
        assertFalse(reference.decays("01encoderNorm0_beta"));
        V1TrainConfig corrected = new V1TrainConfig(1, 8, 8, 1e-4f, 0.1, 0.01f,
                V1TrainConfig.DecayExemption.BIASES_AND_NORM_WEIGHTS, 1f, 0.1f, 0.5f, 0.99f, 1);
        assertFalse(corrected.decays("01encoderNorm0_gamma"));
        assertTrue(corrected.decays("01encoderAttention0_01key_weight"));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> V1TrainConfig.defaults().withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> new V1TrainConfig(1, 8, 8, 1e-4f, 0.1, 0.01f,
                V1TrainConfig.DecayExemption.REFERENCE_BIASES_ONLY, 1f, 0.1f, 0.5f, 1f, 1));
    }
}
