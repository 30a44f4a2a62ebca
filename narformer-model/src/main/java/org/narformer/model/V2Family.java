package org.narformer.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

import ai.djl.MalformedModelException;

/**
 * NAR-Former V2 and the NNLP baseline ({@link LayerKind}) as a {@link ModelFamily}: {@link V2Model}s of one
 * {@link V2Config}, stored by {@link Checkpoints}.
 *
 * @param config the network configuration
 */
public record V2Family(V2Config config) implements ModelFamily<V2Model> {
    /** The name of V2 / NNLP checkpoints (their manifests carry no family key). */
    public static final String NAME = "narformer-v2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public V2Model create(int seed) {
        return V2Model.create(config, seed);
    }

    @Override
    public V2Model load(DataInputStream in) throws IOException, MalformedModelException {
        return V2Model.load(config, in);
    }

    @Override
    public void write(Path dir, V2Model model, CheckpointRecord record, byte[] optimizerState) throws IOException {
        Checkpoints.write(dir, model, Checkpoints.manifest(model.config(), record.seeds(), record.training(),
                record.data(), record.epoch(), record.step(), record.metrics()), optimizerState);
    }

    @Override
    public V2Model load(Path dir) {
        return Checkpoints.loadModel(dir);
    }

    @Override
    public CheckpointRecord record(Path dir) {
        return CheckpointRecord.of(Checkpoints.readManifest(dir));
    }

    @Override
    public byte[] optimizerState(Path dir) {
        return Checkpoints.readOptimizerState(dir, Checkpoints.readManifest(dir));
    }
}
