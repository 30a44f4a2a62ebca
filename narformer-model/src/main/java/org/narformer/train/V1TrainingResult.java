package org.narformer.train;

import java.util.List;

/**
 * The outcome of {@link V1Trainer#train}: every epoch, and the raw and EMA networks selected on validation τ
 * ({@code model_best}, {@code model_best_ema}), as DJL parameter bytes for {@code V1Model.load}.
 *
 * @param epochs           one report per epoch
 * @param bestEpoch        epoch of the best raw validation τ
 * @param bestTau          that τ
 * @param bestParameters   the raw network at {@code bestEpoch}
 * @param bestEmaEpoch     epoch of the best EMA validation τ (0 without EMA)
 * @param bestEmaTau       that τ (NaN without EMA)
 * @param bestEmaParameters the EMA network at {@code bestEmaEpoch} (null without EMA)
 */
public record V1TrainingResult(List<V1EpochReport> epochs, int bestEpoch, double bestTau, byte[] bestParameters,
                               int bestEmaEpoch, double bestEmaTau, byte[] bestEmaParameters) {
}
