package org.narformer.model;

import java.nio.file.Path;

/**
 * A checkpoint read once — its manifest parsed and its files hashed in one pass — as its family (with the
 * configuration), its training record and its model. Owns the model: close it.
 *
 * @param <M> the model type
 */
public record LoadedCheckpoint<M extends GraphModel<?>>(ModelFamily<M> family, CheckpointRecord record, M model)
        implements AutoCloseable {
    /**
     * Reads the checkpoint in {@code dir} of whatever family its manifest names.
     *
     * @throws org.narformer.BadInputException naming the file when the manifest is missing, corrupt, of an unknown
     *                                         family or version, or a file does not match its recorded hash
     */
    public static LoadedCheckpoint<?> open(Path dir) {
        return ModelFamily.isV1(dir) ? V1Checkpoints.open(dir) : Checkpoints.open(dir);
    }

    @Override
    public void close() {
        model.close();
    }
}
