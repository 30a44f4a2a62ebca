package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepPhasesTest {
    @Test
    void phaseTimesAreTheGapsBetweenBoundariesAndTheirMediansAreReported() {
        StepPhases phases = new StepPhases();
        assertTrue(Double.isNaN(phases.medianMs(StepPhases.Phase.FORWARD)));
        phases.record(0, 1_000_000, 5_000_000, 5_500_000, 9_500_000, 12_500_000);
        phases.record(0, 3_000_000, 9_000_000, 9_500_000, 13_500_000, 16_500_000);
        phases.record(0, 2_000_000, 4_000_000, 4_500_000, 8_500_000, 11_500_000);
        assertEquals(3, phases.steps());
        assertEquals(2.0, phases.medianMs(StepPhases.Phase.BATCH), 1e-12);
        assertEquals(4.0, phases.medianMs(StepPhases.Phase.FORWARD), 1e-12);
        assertEquals(0.5, phases.medianMs(StepPhases.Phase.LOSS), 1e-12);
        assertEquals(4.0, phases.medianMs(StepPhases.Phase.BACKWARD), 1e-12);
        assertEquals(3.0, phases.medianMs(StepPhases.Phase.UPDATE), 1e-12);
        phases.clear();
        assertEquals(0, phases.steps());
        assertThrows(IllegalArgumentException.class, () -> phases.record(0, 1, 2));
    }
}
