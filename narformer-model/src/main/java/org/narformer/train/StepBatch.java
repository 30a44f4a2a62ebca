package org.narformer.train;

import java.util.ArrayList;
import java.util.List;

import org.narformer.tokenizer.TokenizedGraph;

/**
 * The graphs and targets of one training step: the samples, then (with the consistency loss) their augmented
 * twins in the same order, as the reference concatenates them ({@code [B originals; B twins]}).
 *
 * @param graphs  {@code B} or {@code 2B} graphs
 * @param targets one target per graph
 */
record StepBatch(List<TokenizedGraph> graphs, float[] targets) {
    static StepBatch of(List<TrainingSample> batch, boolean paired) {
        int b = batch.size();
        List<TokenizedGraph> graphs = new ArrayList<>(paired ? 2 * b : b);
        float[] y = new float[paired ? 2 * b : b];
        for (int k = 0; k < b; k++) {
            graphs.add(batch.get(k).graph());
            y[k] = batch.get(k).target();
        }
        if (paired) {
            for (int k = 0; k < b; k++) {
                graphs.add(batch.get(k).augmentedOrSelf());
                y[b + k] = batch.get(k).target();
            }
        }
        return new StepBatch(graphs, y);
    }
}
