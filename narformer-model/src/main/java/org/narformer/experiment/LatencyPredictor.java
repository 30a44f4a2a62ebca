package org.narformer.experiment;

import java.nio.file.Path;
import java.util.List;

import org.narformer.graph.NetworkGraph;
import org.narformer.model.Checkpoints;
import org.narformer.model.CheckpointRecord;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.train.Predictor;

/**
 * A trained whole-network latency predictor (a checkpoint of {@link LatencyExperiment#fit}, or one that ships in
 * {@code predictors/}): network graphs in, predicted latency in ms out, each graph read with the
 * {@link LatencyInput} the predictor was trained on. Owns native memory: close it.
 */
public final class LatencyPredictor implements AutoCloseable {
    private final Predictor predictor;
    private final LatencyInput input;

    private LatencyPredictor(Predictor predictor, LatencyInput input) {
        this.predictor = predictor;
        this.input = input;
    }

    /**
     * Loads the checkpoint in {@code dir} (V2, NNLP or V1).
     *
     * @throws org.narformer.BadInputException naming the manifest when the checkpoint is missing, corrupt, or not
     *                                         a latency predictor (a NAS-Bench accuracy checkpoint)
     */
    public static LatencyPredictor load(Path dir) {
        Predictor predictor = Predictor.load(dir);
        try {
            LatencyInput input = LatencyInput.fromRecord(predictor.record().data().get(LatencyInput.KEY),
                    dir.resolve(Checkpoints.MANIFEST).toString());
            return new LatencyPredictor(predictor, input);
        } catch (RuntimeException e) {
            predictor.close();
            throw e;
        }
    }

    /** What the predictor reads from a network. */
    public LatencyInput input() {
        return input;
    }

    /** The checkpoint's training record: configuration, the data it was fitted on, the selected epoch's metrics. */
    public CheckpointRecord record() {
        return predictor.record();
    }

    /** Tokenizes {@code graph} at {@code batchSize} as the predictor's training networks were. */
    public TokenizedGraph tokenize(NetworkGraph graph, int batchSize) {
        return input.tokenize(graph, batchSize);
    }

    /** Predicted latency in ms of each tokenized graph ({@link #tokenize}), in order. */
    public double[] predictMs(List<TokenizedGraph> graphs) {
        float[] p = predictor.predict(graphs);
        double[] ms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            ms[i] = p[i];
        }
        return ms;
    }

    @Override
    public void close() {
        predictor.close();
    }
}
