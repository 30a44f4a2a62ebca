package org.narformer.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.narformer.metrics.Median;

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
 * @param secondsPerStep mean training time per step as the manifest records it (older builds: of the last process);
 *                       NaN when not recorded
 * @param medianEpochSecondsPerStep the median over epochs of an epoch's wall time per step, from the curve: the cost
 *                       of a step with its share of the per-epoch validation and checkpoint, unmoved by pauses,
 *                       resumes, builds used for a minority of epochs and the epochs that score every cell; NaN
 *                       without two consecutive epochs
 * @param wallSeconds    wall time of the run so far
 * @param cpu            the processor, as the manifest records it (null if not)
 * @param build          the commit of the build that started the run (null if not recorded)
 */
public record NasBenchRunSummary(String name, NasBenchConfig config, boolean finished, int epochsDone,
                                 int selectedEpoch, double selectedTau, double lastTau, double emaSelectedTau,
                                 long steps, long skippedSteps, double secondsPerStep,
                                 double medianEpochSecondsPerStep, double wallSeconds,
                                 String cpu, String build) {
    private static final String MANIFEST_SUFFIX = ".manifest.json";

    /** The summary of a run manifest. */
    public static NasBenchRunSummary of(NasBenchRunManifest manifest) {
        List<TauPoint> curve = manifest.curve();
        TauPoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        NasBenchRunResult result = manifest.result();
        boolean finished = result != null;
        RunProgress progress = finished ? result.progress() : manifest.progress();
        if (progress == null) {
            progress = new RunProgress(0, -1, Double.NaN, 0, Double.NaN);
        }
        return new NasBenchRunSummary(name(manifest.file()), manifest.config(), finished,
                last == null ? 0 : last.epoch(),
                finished ? result.bestEpoch() : 0,
                finished ? result.bestAllTau() : Double.NaN,
                last == null ? Double.NaN : last.allTau(),
                finished ? result.bestEmaAllTau() : Double.NaN,
                progress.steps() == 0 && last != null ? last.steps() : progress.steps(),
                progress.skippedSteps(), progress.secondsPerIteration(), medianEpochSecondsPerStep(curve),
                Double.isNaN(progress.wallSeconds()) && last != null ? last.elapsedSeconds() : progress.wallSeconds(),
                manifest.cpu(), manifest.gitSha());
    }

    /** See {@link #medianEpochSecondsPerStep()}: over every pair of consecutive epochs in the curve. */
    static double medianEpochSecondsPerStep(List<TauPoint> curve) {
        List<Double> perStep = new ArrayList<>();
        for (int i = 1; i < curve.size(); i++) {
            TauPoint before = curve.get(i - 1);
            TauPoint after = curve.get(i);
            long steps = after.steps() - before.steps();
            if (after.epoch() == before.epoch() + 1 && steps > 0) {
                perStep.add((after.elapsedSeconds() - before.elapsedSeconds()) / steps);
            }
        }
        return Median.of(perStep.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The build as a short commit, {@code +} marking a build from uncommitted changes; "-" when unknown. */
    public String shortBuild() {
        if (build == null || build.isBlank() || build.equals("unknown")) {
            return "-";
        }
        boolean dirty = build.endsWith("-dirty");
        String sha = dirty ? build.substring(0, build.length() - "-dirty".length()) : build;
        return sha.substring(0, Math.min(7, sha.length())) + (dirty ? "+" : "");
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(MANIFEST_SUFFIX)) {
            return fileName.substring(0, fileName.length() - MANIFEST_SUFFIX.length());
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir == null || dir.getFileName() == null ? fileName : dir.getFileName().toString();
    }
}
