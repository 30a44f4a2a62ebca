package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class V1ConfigTest {
    @Test
    void defaultsFollowTheNasBenchScripts() {
        V1Config c = V1Config.defaults();
        assertEquals(192, c.dModel());
        assertEquals(6, c.heads());
        assertEquals(768, c.ffnDim());
        assertEquals(0.1f, c.dropout());
        assertEquals(6, c.encoderLayers());
        assertEquals(4, c.queries(1));
        assertEquals(2, c.queries(2));
        assertEquals(1, c.queries(3));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 5, 768, 0.1f, 6, 3, true));
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 6, 768, 0.1f, 6, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 6, 768, 1f, 6, 3, true));
        assertThrows(IllegalArgumentException.class, () -> V1Config.defaults().queries(4));
    }
}
