package org.narformer.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.narformer.BadInputException;

/**
 * Where model families differ outside the network itself — making, copying and storing a model — so that one
 * trainer, one predictor and the commands serve NAR-Former V2 (and NNLP, a V2 layer kind) and NAR-Former V1.
 * A family instance carries its model configuration. {@link #of(Path)} finds the family of a stored checkpoint.
 *
 * @param <M> the model type
 */
public interface ModelFamily<M extends GraphModel<?>> {
    /** The family name, as checkpoint manifests and messages give it. */
    String name();

    /** A freshly initialised model. Sets the engine's random seed (initialisation and dropout draw from it). */
    M create(int seed);

    /** A model with the configuration of this family whose parameters are read from {@code in}. */
    M load(DataInputStream in) throws IOException, ai.djl.MalformedModelException;

    /** Writes {@code model} into the checkpoint directory {@code dir} atomically, replacing any checkpoint there. */
    void write(Path dir, M model, CheckpointRecord record, byte[] optimizerState) throws IOException;

    /** The model stored in the checkpoint directory {@code dir} (its manifest checked first). */
    M load(Path dir);

    /** The training record of the checkpoint in {@code dir} (its manifest checked first). */
    CheckpointRecord record(Path dir);

    /** The saved optimiser state of the checkpoint in {@code dir}, or null when it has none. */
    byte[] optimizerState(Path dir);

    /** A separate model with {@code model}'s configuration and current weights. */
    default M copy(M model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.saveParameters(new DataOutputStream(bytes));
            return load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot copy a " + name() + " model: " + e.getMessage(), e);
        }
    }

    /**
     * The family (with its configuration) of the checkpoint in {@code dir}, read from its manifest.
     *
     * @throws BadInputException naming the manifest when it is missing, corrupt or of an unknown family
     */
    static ModelFamily<?> of(Path dir) {
        return isV1(dir) ? V1Checkpoints.family(dir) : new V2Family(Checkpoints.readManifest(dir).model());
    }

    /**
     * Whether the manifest in {@code dir} names the V1 family (false: V2 / NNLP, whose manifests carry no family
     * key); the files are not checked here.
     *
     * @throws BadInputException naming the manifest when it is missing, corrupt or of an unknown family
     */
    static boolean isV1(Path dir) {
        Path file = dir.resolve(Checkpoints.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), null, "not a checkpoint: " + Checkpoints.MANIFEST
                    + " is missing");
        }
        Object family;
        try {
            family = Checkpoints.json().readValue(file.toFile(), Map.class).get(Checkpoints.FAMILY);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.toString(), e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr(), "corrupt manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        if (family == null) {
            return false;
        }
        if (V1Checkpoints.FAMILY.equals(family)) {
            return true;
        }
        throw new BadInputException(file.toString(), Checkpoints.FAMILY, "unknown model family '" + family
                + "' (this build reads NAR-Former V2 / NNLP and " + V1Checkpoints.FAMILY + " checkpoints)");
    }
}
