package org.narformer.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a finished NAS-Bench training run, as its manifest's {@code result} records it: what it cost, the
 * checkpoint selected on the selection cells and its τ over all cells, and the same for the weight EMA when the run
 * kept one. {@link NasBenchProtocol} writes it and {@link NasBenchRunManifest} reads it back.
 *
 * @param progress            steps, skipped steps and times of the whole run
 * @param bestEpoch           the selected epoch (0 when no epoch was selected)
 * @param bestSelectionTau    its τ on the selection cells
 * @param bestAllTau          τ over all cells of the selected checkpoint, against the test label
 * @param bestCheckpoint      the selected checkpoint (null when none)
 * @param lastCheckpoint      the checkpoint of the last epoch
 * @param selectedOn          what the selection used, in words
 * @param bestEmaEpoch        the epoch of the selected weight EMA (0 without EMA)
 * @param bestEmaSelectionTau its τ on the selection cells (NaN without EMA)
 * @param bestEmaAllTau       its τ over all cells (NaN without EMA)
 * @param bestEmaCheckpoint   the selected EMA checkpoint (null without EMA)
 */
public record NasBenchRunResult(RunProgress progress, int bestEpoch, double bestSelectionTau, double bestAllTau,
                                Path bestCheckpoint, Path lastCheckpoint, String selectedOn, int bestEmaEpoch,
                                double bestEmaSelectionTau, double bestEmaAllTau, Path bestEmaCheckpoint) {

    /** Whether the run kept (and selected) a weight EMA. */
    public boolean hasEma() {
        return bestEmaCheckpoint != null;
    }

    /** The manifest section: the progress fields, then the selection, in the order the manifest has always had. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(progress.toMap());
        m.put("bestEpoch", bestEpoch);
        m.put("bestSelectionTau", bestSelectionTau);
        m.put("bestAllTau", bestAllTau);
        if (hasEma()) {
            m.put("bestEmaEpoch", bestEmaEpoch);
            m.put("bestEmaSelectionTau", bestEmaSelectionTau);
            m.put("bestEmaAllTau", bestEmaAllTau);
            m.put("bestEmaCheckpoint", bestEmaCheckpoint.toString());
        }
        m.put("selectedOn", selectedOn);
        m.put("bestCheckpoint", String.valueOf(bestCheckpoint));
        m.put("lastCheckpoint", String.valueOf(lastCheckpoint));
        return m;
    }

    /** Reads a manifest's {@code result}; fields older builds did not write read as 0, NaN or null. */
    public static NasBenchRunResult of(Map<String, Object> section) {
        return new NasBenchRunResult(RunProgress.of(section),
                (int) RunProgress.number(section, "bestEpoch", 0),
                RunProgress.number(section, "bestSelectionTau", Double.NaN),
                RunProgress.number(section, "bestAllTau", Double.NaN),
                path(section.get("bestCheckpoint")), path(section.get("lastCheckpoint")),
                section.get("selectedOn") == null ? null : section.get("selectedOn").toString(),
                (int) RunProgress.number(section, "bestEmaEpoch", 0),
                RunProgress.number(section, "bestEmaSelectionTau", Double.NaN),
                RunProgress.number(section, "bestEmaAllTau", Double.NaN),
                path(section.get("bestEmaCheckpoint")));
    }

    private static Path path(Object value) {
        return value == null || "null".equals(value) ? null : Path.of(value.toString());
    }
}
