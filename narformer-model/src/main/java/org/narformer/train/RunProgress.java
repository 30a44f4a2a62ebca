package org.narformer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a NAS-Bench training run got and what it cost: its manifest's {@code progress} while it trains and the
 * head of its {@code result} once finished ({@link NasBenchRunResult}). Written and read here only, so the key names
 * live in one place.
 *
 * @param steps               optimiser steps of the whole run (skipped ones included)
 * @param skippedSteps        of those, steps skipped for a non-finite loss or gradient; −1 when not recorded (older
 *                            builds)
 * @param trainingSeconds     training time of this process (since the start or the last resume)
 * @param secondsPerIteration {@code trainingSeconds} per step of this process; NaN when not recorded
 * @param wallSeconds         wall time of the whole run so far (data, training, evaluations)
 */
public record RunProgress(long steps, long skippedSteps, double trainingSeconds, double secondsPerIteration,
                          double wallSeconds) {

    /** The manifest section, in the order the manifest has always written it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("skippedSteps", skippedSteps);
        m.put("trainingSeconds", trainingSeconds);
        m.put("secondsPerIteration", secondsPerIteration);
        m.put("wallSeconds", wallSeconds);
        return m;
    }

    /** Reads a manifest section; absent fields read as 0 steps, −1 skipped and NaN times. */
    public static RunProgress of(Map<String, Object> section) {
        return new RunProgress((long) number(section, "steps", 0), (long) number(section, "skippedSteps", -1),
                number(section, "trainingSeconds", Double.NaN), number(section, "secondsPerIteration", Double.NaN),
                number(section, "wallSeconds", Double.NaN));
    }

    /** A number field of a manifest section; NaN written as a string ("NaN") reads as NaN. */
    static double number(Map<String, Object> section, String key, double absent) {
        Object v = section == null ? null : section.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return absent;
            }
        }
        return absent;
    }
}
