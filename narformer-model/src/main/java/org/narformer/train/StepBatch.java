package org.narformer.train;

import java.util.ArrayList;
import java.util.List;

import org.narformer.tokenizer.TokenizedGraph;

/**
 * The graphs and targets of one training step: the samples, then (with the consistency loss) their augmented
 * twins in the same order, as the reference concatenates them ({@code [B originals; B twins]}).
 *
 * @param graphs  {@code N = B} or {@code 2B} graphs
 * @param targets the targets row-major, {@code [N, D]} for {@code D} outputs
 * @param outputs {@code D}
 */
record StepBatch(List<TokenizedGraph> graphs, float[] targets, int outputs) {
    static StepBatch of(List<TrainingSample> batch, boolean paired) {
        int b = batch.size();
        int d = batch.get(0).outputs();
        List<TokenizedGraph> graphs = new ArrayList<>(paired ? 2 * b : b);
        float[] y = new float[(paired ? 2 * b : b) * d];
        for (int k = 0; k < b; k++) {
            graphs.add(batch.get(k).graph());
            System.arraycopy(batch.get(k).targets(), 0, y, k * d, d);
        }
        if (paired) {
            for (int k = 0; k < b; k++) {
                graphs.add(batch.get(k).augmentedOrSelf());
                System.arraycopy(batch.get(k).targets(), 0, y, (b + k) * d, d);
            }
        }
        return new StepBatch(graphs, y, d);
    }
}
