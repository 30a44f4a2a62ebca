package org.narformer.metrics;

/** Argument checks shared by the metrics: a wrong input is an error, never a silent NaN. */
final class Checks {
    private Checks() {
    }

    static void noNaN(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    static void sameLength(double[] predicted, double[] measured) {
        if (predicted.length != measured.length) {
            throw new IllegalArgumentException("predicted and measured differ in length: " + predicted.length
                    + " vs " + measured.length);
        }
    }

    /** Relative errors divide by the measured value: it must be finite and positive. */
    static void positiveFinite(double[] measured) {
        for (int i = 0; i < measured.length; i++) {
            if (!(measured[i] > 0) || Double.isInfinite(measured[i])) {
                throw new IllegalArgumentException("measured[" + i + "] is " + measured[i]
                        + ": relative errors need a positive finite measured value");
            }
        }
    }

    static void finite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]);
            }
        }
    }
}
