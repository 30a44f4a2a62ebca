package org.narformer.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param history        one report per epoch run by this call (resumed runs start after the checkpoint)
 * @param bestEpoch      epoch of the selected checkpoint (0 when nothing was evaluated)
 * @param bestScore      its selection metric value
 * @param bestCheckpoint directory of the selected checkpoint ({@code runDir/best}); null when no evaluation
 *                       ever gave a defined score
 * @param lastCheckpoint directory of the last epoch's checkpoint with optimiser state ({@code runDir/last})
 * @param bestEmaEpoch   epoch of the selected weight-EMA checkpoint (0 without EMA or evaluation)
 * @param bestEmaScore   its selection metric value (NaN without EMA)
 * @param bestEmaCheckpoint directory of the selected EMA checkpoint ({@code runDir/best-ema}); null without EMA
 */
public record TrainingResult(List<EpochReport> history, int bestEpoch, double bestScore, Path bestCheckpoint,
                             Path lastCheckpoint, int bestEmaEpoch, double bestEmaScore, Path bestEmaCheckpoint) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}
