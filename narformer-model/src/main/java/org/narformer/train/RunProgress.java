package org.narformer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a NAS-Bench training run got and what it cost: its manifest's {@code progress} while it trains and the
 * head of its {@code result} once finished ({@link NasBenchRunResult}). Written and read here only, so the key names
 * live in one place.
 *
 * @param steps           optimiser steps of the whole run (skipped ones included)
 * @param skippedSteps    of those, steps skipped for a non-finite loss or gradient; −1 when not recorded (older
 *                        builds)
 * @param trainingSeconds training time of the whole run, over all its processes (manifests of older builds, which
 *                        wrote no {@code timedSteps}, hold their last process's time only)
 * @param timedSteps      the steps {@code trainingSeconds} measured
 * @param wallSeconds     wall time of the whole run so far (data, training, evaluations)
 */
public record RunProgress(long steps, long skippedSteps, double trainingSeconds, long timedSteps,
                          double wallSeconds) {
    /** A run that has not stepped yet. */
    public static final RunProgress NONE = new RunProgress(0, 0, 0, 0, 0);

    /** Training seconds per timed step; NaN when none was timed. */
    public double secondsPerIteration() {
        return timedSteps > 0 ? trainingSeconds / timedSteps : Double.NaN;
    }

    /** This progress followed by {@code moreSteps} (of which {@code skipped} were skipped) in {@code seconds}. */
    public RunProgress plus(long moreSteps, long skipped, double seconds, double wallSecondsNow) {
        return new RunProgress(steps + moreSteps, Math.max(0, skippedSteps) + skipped,
                (Double.isNaN(trainingSeconds) ? 0 : trainingSeconds) + seconds, timedSteps + moreSteps,
                wallSecondsNow);
    }

    /** The manifest section, in the order the manifest has always written it ({@code timedSteps} added last). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("skippedSteps", skippedSteps);
        m.put("trainingSeconds", trainingSeconds);
        m.put("secondsPerIteration", secondsPerIteration());
        m.put("wallSeconds", wallSeconds);
        m.put("timedSteps", timedSteps);
        return m;
    }

    /**
     * Reads a manifest section; absent fields read as 0 steps, −1 skipped and NaN times. Older builds wrote no
     * {@code timedSteps}: it is then recovered from their {@code trainingSeconds / secondsPerIteration}.
     */
    public static RunProgress of(Map<String, Object> section) {
        double seconds = number(section, "trainingSeconds", Double.NaN);
        double perStep = number(section, "secondsPerIteration", Double.NaN);
        double timed = number(section, "timedSteps", Double.NaN);
        if (Double.isNaN(timed)) {
            timed = seconds > 0 && perStep > 0 ? Math.round(seconds / perStep) : 0;
        }
        return new RunProgress((long) number(section, "steps", 0), (long) number(section, "skippedSteps", -1),
                seconds, (long) timed, number(section, "wallSeconds", Double.NaN));
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
