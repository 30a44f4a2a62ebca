package org.narformer.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.V1CellTokenizer;
import org.narformer.tokenizer.V1CellTokenizerConfig;
import org.narformer.tokenizer.V1NetworkTokenizer;

/**
 * Checkpoint directories of the NAR-Former (V1) family: the layout of {@link Checkpoints} (atomic write,
 * SHA-256 of every file) with a manifest whose {@value Checkpoints#FAMILY} is {@value #FAMILY}, the
 * {@link V1Config}, and the cell space and tokenizer configuration (cells) or the whole-network tokenizer's. V2's loader refuses these directories and
 * this loader refuses V2's, each with a message naming the other family.
 */
public final class V1Checkpoints {
    /** The manifest's family of V1 checkpoints. */
    public static final String FAMILY = "narformer-v1";
    /** The manifest key of a whole-network model's tokenizer (cell models have {@code space} and {@code tokenizer}). */
    private static final String NETWORK_TOKENIZER = "networkTokenizer";

    private V1Checkpoints() {
    }

    /**
     * Writes {@code model} into {@code dir}, replacing any checkpoint there.
     *
     * @param optimizerState the trainer's state for a resumable checkpoint, or null
     */
    public static void write(Path dir, V1Model model, CheckpointRecord record, byte[] optimizerState)
            throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(params)) {
            model.saveParameters(out);
        }
        Checkpoints.writeDirectory(dir, params.toByteArray(), optimizerState, files -> {
            Map<String, Object> m = new TreeMap<>();
            m.put("formatVersion", Checkpoints.FORMAT_VERSION);
            m.put(Checkpoints.FAMILY, FAMILY);
            m.put("tool", "narformer");
            m.put("toolVersion", Checkpoints.toolVersion());
            m.put("createdAt", Instant.now().toString());
            m.put("environment", Checkpoints.environment());
            m.put("model", model.config());
            if (model.tokenizer() instanceof V1CellTokenizer cells) {
                m.put("space", cells.space().name());
                m.put("tokenizer", cells.config());
            } else if (model.tokenizer() instanceof V1NetworkTokenizer networks) {
                m.put(NETWORK_TOKENIZER, Map.of("config", networks.config(), "lenientShapes",
                        networks.lenientShapes(), "rawStatic", networks.rawStatic()));
            } else {
                throw new IllegalArgumentException("no checkpoint form for " + model.tokenizer().getClass());
            }
            m.put("seeds", record.seeds());
            m.put("training", record.training());
            m.put("data", record.data());
            m.put("epoch", record.epoch());
            m.put("step", record.step());
            m.put("metrics", record.metrics());
            m.put("files", files);
            return m;
        });
    }

    /**
     * The manifest of the V1 checkpoint in {@code dir}, checked: V1 family, known format, files intact.
     *
     * @throws BadInputException naming the manifest (or file) otherwise, e.g. for a V2 checkpoint
     */
    public static Map<String, Object> readManifest(Path dir) {
        Path file = dir.resolve(Checkpoints.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), null, "not a checkpoint: " + Checkpoints.MANIFEST
                    + " is missing");
        }
        Map<String, Object> raw;
        try {
            raw = Checkpoints.json().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "unreadable manifest: " + e.getMessage(), e);
        }
        Object family = raw.get(Checkpoints.FAMILY);
        if (!FAMILY.equals(family)) {
            throw new BadInputException(file.toString(), Checkpoints.FAMILY, family == null
                    ? "a NAR-Former V2 / NNLP checkpoint, not a V1 one: load it without --model v1"
                    : "a " + family + " checkpoint, not a " + FAMILY + " one");
        }
        if (!Integer.valueOf(Checkpoints.FORMAT_VERSION).equals(raw.get("formatVersion"))) {
            throw new BadInputException(file.toString(), "formatVersion", "unknown checkpoint format version "
                    + raw.get("formatVersion") + "; this build reads version " + Checkpoints.FORMAT_VERSION);
        }
        if (!(raw.get("files") instanceof Map<?, ?> files) || !files.containsKey(Checkpoints.PARAMETERS)) {
            throw new BadInputException(file.toString(), "files", "incomplete manifest: no " + Checkpoints.PARAMETERS);
        }
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((k, v) -> hashes.put(String.valueOf(k), String.valueOf(v)));
        Checkpoints.verifyFiles(dir, hashes);
        return raw;
    }

    /** The V1 network stored in {@code dir} (manifest checked first). Close it. */
    public static V1Model load(Path dir) {
        return family(dir).load(dir);
    }

    /** The family (configuration and tokenizer) of the V1 checkpoint in {@code dir} (manifest checked first). */
    public static V1Family family(Path dir) {
        return family(dir, readManifest(dir));
    }

    /** The V1 checkpoint in {@code dir}, its files hashed once. */
    static LoadedCheckpoint<V1Model> open(Path dir) {
        Map<String, Object> manifest = readManifest(dir);
        V1Family family = family(dir, manifest);
        return new LoadedCheckpoint<>(family, record(dir, manifest), parameters(family, dir));
    }

    private static V1Family family(Path dir, Map<String, Object> manifest) {
        Path file = dir.resolve(Checkpoints.MANIFEST);
        try {
            V1Config config = Checkpoints.json().convertValue(manifest.get("model"), V1Config.class);
            if (manifest.get(NETWORK_TOKENIZER) instanceof Map<?, ?> networks) {
                return new V1Family(config, new V1NetworkTokenizer(Checkpoints.json().convertValue(
                        networks.get("config"), NetworkTokenizerConfig.class),
                        Boolean.TRUE.equals(networks.get("lenientShapes")),
                        Boolean.TRUE.equals(networks.get("rawStatic"))));
            }
            V1CellTokenizerConfig tokens = Checkpoints.json().convertValue(manifest.get("tokenizer"),
                    V1CellTokenizerConfig.class);
            CellSpace space = CellSpace.valueOf(String.valueOf(manifest.get("space")));
            return new V1Family(config, new V1CellTokenizer(space, tokens));
        } catch (RuntimeException e) {
            throw new BadInputException(file.toString(), null, "invalid V1 model description: " + e.getMessage(), e);
        }
    }

    /** The training record of the V1 checkpoint in {@code dir} (manifest checked first). */
    public static CheckpointRecord record(Path dir) {
        return record(dir, readManifest(dir));
    }

    @SuppressWarnings("unchecked")
    private static CheckpointRecord record(Path dir, Map<String, Object> m) {
        try {
            return new CheckpointRecord(
                    Checkpoints.json().convertValue(m.getOrDefault("seeds", Map.of()),
                            new TypeReference<Map<String, Long>>() { }),
                    (Map<String, Object>) m.getOrDefault("training", Map.of()),
                    (Map<String, Object>) m.getOrDefault("data", Map.of()),
                    ((Number) m.getOrDefault("epoch", 0)).intValue(),
                    ((Number) m.getOrDefault("step", 0)).longValue(),
                    Checkpoints.json().convertValue(m.getOrDefault("metrics", Map.of()),
                            new TypeReference<Map<String, Double>>() { }));
        } catch (RuntimeException e) {
            throw new BadInputException(dir.resolve(Checkpoints.MANIFEST).toString(), null,
                    "invalid training record: " + e.getMessage(), e);
        }
    }

    /** The optimiser state of the V1 checkpoint in {@code dir}, or null when it has none. */
    public static byte[] optimizerState(Path dir) {
        Map<String, Object> m = readManifest(dir);
        if (!(m.get("files") instanceof Map<?, ?> files) || !files.containsKey(Checkpoints.OPTIMIZER)) {
            return null;
        }
        Path file = dir.resolve(Checkpoints.OPTIMIZER);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the parameters of {@code dir} into a model of {@code family}. */
    static V1Model loadParameters(V1Family family, Path dir) {
        readManifest(dir);
        return parameters(family, dir);
    }

    private static V1Model parameters(V1Family family, Path dir) {
        Path file = dir.resolve(Checkpoints.PARAMETERS);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return family.load(in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new BadInputException(file.toString(), null, "cannot load V1 parameters: " + e.getMessage(), e);
        }
    }
}
