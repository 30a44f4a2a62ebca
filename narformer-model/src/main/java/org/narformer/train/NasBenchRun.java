package org.narformer.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link NasBenchProtocol#train}.
 *
 * @param runDirectory        the output directory ({@code manifest.json}, {@code best/}, {@code last/})
 * @param config              the protocol configuration
 * @param curve               one point per epoch (and epoch 0); {@link TauPoint#allTau()} every
 *                            {@link NasBenchConfig#allEvery()} epochs
 * @param bestEpoch           the selected epoch
 * @param bestSelectionTau    its τ on the selection set
 * @param bestAllTau          τ over all cells of the selected checkpoint (against the test label)
 * @param bestCheckpoint      the selected checkpoint
 * @param wallSeconds         wall time of the whole run (data, training, evaluations)
 * @param secondsPerIteration mean wall time of one optimiser step (validation included, τ-on-all excluded)
 * @param bestEmaEpoch        the epoch of the selected weight EMA (0 without EMA)
 * @param bestEmaAllTau       τ over all cells of the selected EMA (NaN without EMA)
 */
public record NasBenchRun(Path runDirectory, NasBenchConfig config, List<TauPoint> curve, int bestEpoch,
                          double bestSelectionTau, double bestAllTau, Path bestCheckpoint, double wallSeconds,
                          double secondsPerIteration, int bestEmaEpoch, double bestEmaAllTau) {
    public NasBenchRun {
        curve = List.copyOf(curve);
    }
}
