package org.narformer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {
    // relative errors: 0.005, 0.03, 0.08, 0.2
    private static final double[] MEASURED = {1, 2, 4, 5};
    private static final double[] PREDICTED = {1.005, 1.94, 4.32, 4.0};

    @Test
    void relativeErrorsAndBands() {
        Metrics m = Metrics.of(PREDICTED, MEASURED);
        assertEquals(4, m.count());
        assertEquals((0.005 + 0.03 + 0.08 + 0.2) / 4, m.mape(), 1e-12);
        assertEquals(Math.sqrt((0.005 * 0.005 + 0.06 * 0.06 + 0.32 * 0.32 + 1.0) / 4), m.rmse(), 1e-12);
        assertEquals(0.25, m.acc1(), 0);
        assertEquals(0.5, m.acc5(), 0);
        assertEquals(0.75, m.acc10(), 0);
        assertEquals(KendallTau.tauB(PREDICTED, MEASURED), m.kendallTau(), 0);
        assertEquals(SpearmanRho.rho(PREDICTED, MEASURED), m.spearmanRho(), 0);
    }

    @Test
    void boundaryIsInclusive() {
        assertEquals(1.0, Metrics.accuracyWithin(new double[] {1.5}, new double[] {1.0}, 0.5), 0);
    }

    @Test
    void rejectsNonPositiveMeasuredAndNonFinitePredicted() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new double[0], new double[0]));
    }

    @Test
    void meanOfIsUnweighted() {
        Metrics a = new Metrics(10, 0.1, 1, 0.2, 0.4, 0.6, 0.5, 0.5);
        Metrics b = new Metrics(30, 0.3, 3, 0.4, 0.6, 0.8, 0.7, 0.9);
        Metrics mean = Metrics.meanOf(List.of(a, b));
        assertEquals(40, mean.count());
        assertEquals(0.2, mean.mape(), 1e-15);
        assertEquals(0.7, mean.acc10(), 1e-15);
        assertTrue(mean.kendallTau() > 0.59 && mean.kendallTau() < 0.61);
    }
}
