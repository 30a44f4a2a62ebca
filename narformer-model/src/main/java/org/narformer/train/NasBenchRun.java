package org.narformer.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link NasBenchProtocol#train} or {@link NasBenchProtocol#resume}.
 *
 * @param runDirectory the output directory ({@code manifest.json}, {@code best/}, {@code last/})
 * @param config       the protocol configuration
 * @param curve        one point per epoch (and epoch 0); {@link TauPoint#allTau()} every
 *                     {@link NasBenchConfig#allEvery()} epochs
 * @param result       the selected checkpoint, its τ and the run's cost, as the manifest records them
 */
public record NasBenchRun(Path runDirectory, NasBenchConfig config, List<TauPoint> curve, NasBenchRunResult result) {
    public NasBenchRun {
        curve = List.copyOf(curve);
    }
}
