package org.narformer.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import org.narformer.tokenizer.V1Tokenizer;

/**
 * NAR-Former (V1) as a {@link ModelFamily}: {@link V1Model}s of one {@link V1Config} and cell tokenizer, stored by
 * {@link V1Checkpoints}.
 *
 * @param config    the network configuration
 * @param tokenizer the cell or whole-network tokenizer (its width must equal {@code config.tokenDim()})
 */
public record V1Family(V1Config config, V1Tokenizer tokenizer) implements ModelFamily<V1Model> {
    @Override
    public String name() {
        return V1Checkpoints.FAMILY;
    }

    @Override
    public V1Model create(int seed) {
        return V1Model.create(config, tokenizer, seed);
    }

    @Override
    public V1Model load(DataInputStream in) throws IOException, MalformedModelException {
        return V1Model.load(config, tokenizer, in);
    }

    @Override
    public void write(Path dir, V1Model model, CheckpointRecord record, byte[] optimizerState) throws IOException {
        V1Checkpoints.write(dir, model, record, optimizerState);
    }

    @Override
    public V1Model load(Path dir) {
        return V1Checkpoints.loadParameters(this, dir);
    }

    @Override
    public CheckpointRecord record(Path dir) {
        return V1Checkpoints.record(dir);
    }

    @Override
    public byte[] optimizerState(Path dir) {
        return V1Checkpoints.optimizerState(dir);
    }
}
