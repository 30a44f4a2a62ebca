package org.narformer.train;

import java.nio.file.Path;
import java.util.List;

import org.narformer.metrics.Metrics;
import org.narformer.model.CheckpointRecord;
import org.narformer.model.GraphModel;
import org.narformer.model.LoadedCheckpoint;
import org.narformer.model.ModelFamily;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/** Predictions from a saved checkpoint of any model family. Owns native memory: close it. */
public final class Predictor implements AutoCloseable {
    private final ModelFamily<?> family;
    private final CheckpointRecord record;
    private final GraphModel<?> model;

    private Predictor(ModelFamily<?> family, CheckpointRecord record, GraphModel<?> model) {
        this.family = family;
        this.record = record;
        this.model = model;
    }

    /**
     * Loads {@code checkpointDir} (V2, NNLP or V1); rejects unknown formats, families and corrupt files with a
     * message naming the file.
     */
    public static Predictor load(Path checkpointDir) {
        LoadedCheckpoint<?> checkpoint = LoadedCheckpoint.open(checkpointDir);
        return new Predictor(checkpoint.family(), checkpoint.record(), checkpoint.model());
    }

    /** The family of the loaded model, with its configuration. */
    public ModelFamily<?> family() {
        return family;
    }

    /** The checkpoint's training record (configuration, data, epoch, metrics). */
    public CheckpointRecord record() {
        return record;
    }

    /** One prediction per graph, in order (latency in ms or accuracy, as trained). */
    public float[] predict(List<TokenizedGraph> graphs) {
        return predict(graphs, V2Model.DEFAULT_INFERENCE_BATCH);
    }

    public float[] predict(List<TokenizedGraph> graphs, int batchSize) {
        return model.predict(graphs, batchSize);
    }

    /** The number of outputs per graph (one per device for a multi-device latency model). */
    public int outputs() {
        return model.outputs();
    }

    /** Every output for every graph, {@code [graphs.size()][outputs()]}. */
    public float[][] predictOutputs(List<TokenizedGraph> graphs) {
        return model.predictOutputs(graphs, V2Model.DEFAULT_INFERENCE_BATCH);
    }

    /** Predicts every sample and compares with its targets (the mean over outputs for several). */
    public Metrics evaluate(List<TrainingSample> samples) {
        return Trainer.evaluate(model, samples, V2Model.DEFAULT_INFERENCE_BATCH);
    }

    @Override
    public void close() {
        model.close();
    }
}
