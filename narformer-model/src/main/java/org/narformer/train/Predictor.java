package org.narformer.train;

import java.nio.file.Path;
import java.util.List;

import org.narformer.metrics.Metrics;
import org.narformer.model.CheckpointManifest;
import org.narformer.model.Checkpoints;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/** Predictions from a saved checkpoint. Owns native memory: close it. */
public final class Predictor implements AutoCloseable {
    private final CheckpointManifest manifest;
    private final V2Model model;

    private Predictor(CheckpointManifest manifest, V2Model model) {
        this.manifest = manifest;
        this.model = model;
    }

    /** Loads {@code checkpointDir}; rejects unknown formats and corrupt files with a message naming the file. */
    public static Predictor load(Path checkpointDir) {
        CheckpointManifest manifest = Checkpoints.readManifest(checkpointDir);
        return new Predictor(manifest, Checkpoints.loadModel(checkpointDir));
    }

    public CheckpointManifest manifest() {
        return manifest;
    }

    /** One prediction per graph, in order (latency in ms or accuracy, as trained). */
    public float[] predict(List<TokenizedGraph> graphs) {
        return predict(graphs, V2Model.DEFAULT_INFERENCE_BATCH);
    }

    public float[] predict(List<TokenizedGraph> graphs, int batchSize) {
        return model.predict(graphs, batchSize);
    }

    /** Predicts every sample and compares with its target. */
    public Metrics evaluate(List<TrainingSample> samples) {
        return V2Trainer.evaluate(predict(samples.stream().map(TrainingSample::graph).toList()),
                V2Trainer.targets(samples));
    }

    @Override
    public void close() {
        model.close();
    }
}
