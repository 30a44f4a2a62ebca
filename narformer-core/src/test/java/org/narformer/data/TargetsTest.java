package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void namedValuesAreImmutableAndShareTheNameList() {
        List<String> names = List.of("validation", "test");
        double[] values = {0.9, 0.8};
        Targets t = Targets.of(names, values);
        values[0] = 0;
        assertEquals(0.9, t.get("validation"), 0);
        assertSame(names, t.names());
        assertEquals(Map.of("validation", 0.9, "test", 0.8), t.asMap());
        assertEquals(List.of("validation", "test"), List.copyOf(t.asMap().keySet()));
        assertEquals(t, Targets.of(List.of("validation", "test"), 0.9, 0.8));
        assertEquals(0, Targets.none().size());
    }

    @Test
    void rejectsWhatWouldBeASilentWrongAnswer() {
        assertThrows(IllegalArgumentException.class, () -> Targets.of(List.of("a"), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Targets.of(List.of("a", "a"), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Targets.of(List.of("a"), 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Targets.of(List.of("a"), 1).get("latency_ms"));
        assertTrue(e.getMessage().contains("available: [a]"), e.getMessage());
    }
}
