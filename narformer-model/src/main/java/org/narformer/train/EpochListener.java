package org.narformer.train;

import org.narformer.model.GraphModel;

/** Told by the {@link Trainer} after every epoch, once that epoch's checkpoints are written. */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param report what the epoch did
     * @param model  the network after the epoch: live, for predictions only (do not keep, change or close it)
     * @param ema    its weight average (same rules), or null when the run keeps none
     */
    void epochDone(EpochReport report, GraphModel<?> model, GraphModel<?> ema);
}
