package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void modelWidthOptionProjectsTheTokensAndScalesTheFeedForward() {
        V1Config reference = V1Config.nnlqp();
        assertEquals(reference, reference.withModelWidth(960), "the reference width is the reference");
        assertFalse(reference.projectsInput());
        V1Config small = reference.withModelWidth(96);
        assertEquals(96, small.dModel());
        assertEquals(960, small.tokenDim());
        assertEquals(77, small.ffnDim(), "768 * 96 / 960 = 76.8, rounded");
        assertEquals(256, small.staticDim());
        assertEquals(6, small.encoderLayers());
        assertTrue(small.projectsInput());
        assertThrows(IllegalArgumentException.class, () -> reference.withModelWidth(64),
                "64 is not a multiple of 6 heads");
        assertEquals(260, small.withStaticDim(260).staticDim(), "the head's width 356 need not divide by 8");
        assertEquals(96, small.withStaticDim(260).dModel());
    }

    @Test
    void aConfigurationWrittenWithoutTokenWidthReadsAsTheReference() throws Exception {
        String json = Checkpoints.json().writeValueAsString(V1Config.nnlqp())
                .replaceAll(",\\s*\"tokenDim\"\\s*:\\s*960", "");
        assertFalse(json.contains("tokenDim"), json);
        assertEquals(V1Config.nnlqp(), Checkpoints.json().readValue(json, V1Config.class));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 5, 768, 0.1f, 6, 3, true));
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 6, 768, 0.1f, 6, 4, true));
        assertThrows(IllegalArgumentException.class, () -> new V1Config(192, 6, 768, 1f, 6, 3, true));
        assertThrows(IllegalArgumentException.class, () -> V1Config.defaults().queries(4));
    }
}
