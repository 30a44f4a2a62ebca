package org.narformer.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one NAS-Bench training run reached, from its manifest ({@link NasBenchRunManifest}): the selected
 * checkpoint's τ over all cells, the last epoch's, the weight EMA's, and what it cost. Fields a manifest does not
 * record (older builds, unfinished runs) are NaN, or −1 for counts.
 *
 * @param name           the run directory's name (or the manifest file's, without {@code .manifest.json})
 * @param config         the protocol configuration
 * @param finished       whether the run reached its last epoch and wrote its {@code result}
 * @param epochsDone     the last epoch in its curve
 * @param selectedEpoch  the epoch selected on the validation cells (0 while unfinished)
 * @param selectedTau    τ over all cells of the selected checkpoint (NaN while unfinished)
 * @param lastTau        τ over all cells at the last epoch of the curve, if evaluated there, else NaN
 * @param emaSelectedTau τ over all cells of the selected weight EMA (NaN without EMA or while unfinished)
 * @param steps          optimiser steps taken (skipped ones included)
 * @param skippedSteps   steps skipped for non-finite loss or gradients; −1 when not recorded
 * @param secondsPerStep mean wall time per step; NaN when not recorded
 * @param wallSeconds    wall time of the run so far
 * @param cpu            the processor, as the manifest records it (null if not)
 */
public record NasBenchRunSummary(String name, NasBenchConfig config, boolean finished, int epochsDone,
                                 int selectedEpoch, double selectedTau, double lastTau, double emaSelectedTau,
                                 long steps, long skippedSteps, double secondsPerStep, double wallSeconds,
                                 String cpu) {
    private static final String MANIFEST_SUFFIX = ".manifest.json";

    /** The summary of a run manifest. */
    public static NasBenchRunSummary of(NasBenchRunManifest manifest) {
        List<TauPoint> curve = manifest.curve();
        TauPoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        Map<String, Object> result = manifest.result();
        Map<String, Object> timing = result != null ? result : manifest.progress();
        boolean finished = result != null;
        return new NasBenchRunSummary(name(manifest.file()), manifest.config(), finished,
                last == null ? 0 : last.epoch(),
                finished ? (int) number(result, "bestEpoch", 0) : 0,
                finished ? number(result, "bestAllTau", Double.NaN) : Double.NaN,
                last == null ? Double.NaN : last.allTau(),
                finished ? number(result, "bestEmaAllTau", Double.NaN) : Double.NaN,
                (long) number(timing, "steps", last == null ? 0 : last.steps()),
                (long) number(timing, "skippedSteps", -1),
                number(timing, "secondsPerIteration", Double.NaN),
                number(timing, "wallSeconds", last == null ? Double.NaN : last.elapsedSeconds()),
                manifest.cpu());
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(MANIFEST_SUFFIX)) {
            return fileName.substring(0, fileName.length() - MANIFEST_SUFFIX.length());
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir == null || dir.getFileName() == null ? fileName : dir.getFileName().toString();
    }

    /** A number field of a manifest section; NaN written as a string ("NaN") reads as NaN. */
    private static double number(Map<String, Object> section, String key, double absent) {
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
