package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class V2ConfigTest {
    @Test
    void presetsFollowTheReferenceScripts() {
        V2Config nnlqp = V2Config.nnlqp();
        assertEquals(2, nnlqp.layers());
        assertEquals(152, nnlqp.tokenDim());
        assertEquals(40, nnlqp.staticDim());
        assertEquals(Readout.SUM_WITH_STATIC, nnlqp.readout());
        V2Config cells = V2Config.nasBench();
        assertEquals(6, cells.layers());
        assertEquals(128, cells.tokenDim());
        assertEquals(2048, cells.ffnDim());
        assertEquals(Readout.LAYER_MEAN_FUSION, cells.readout());
        assertEquals(nnlqp, V2Config.defaults());
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> V2Config.nasBench().withSize(2, 100));
        assertThrows(IllegalArgumentException.class, () -> new V2Config(128, 512, 6, 4, 8, 0.05f, 1e-4f, true,
                Readout.LAYER_MEAN_FUSION, 40));
        assertThrows(IllegalArgumentException.class, () -> new V2Config(152, 512, 2, 4, 8, 0.05f, 1e-4f, true,
                Readout.SUM_WITH_STATIC, 0));
    }
}
