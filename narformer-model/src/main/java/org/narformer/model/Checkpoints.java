package org.narformer.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.narformer.BadInputException;
import org.narformer.data.Machine;

/**
 * Checkpoint directories: {@code manifest.json} + {@code parameters.bin} (+ {@code optimizer.bin} when the
 * trainer saves its state). Written atomically (a sibling temporary directory renamed into place); read
 * back only when the format version is known and every file matches the SHA-256 in the manifest.
 */
public final class Checkpoints {
    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String PARAMETERS = "parameters.bin";
    public static final String OPTIMIZER = "optimizer.bin";
    /**
     * Manifest key naming the model family of checkpoints other than V2/NNLP (whose manifests predate it and
     * have none); this loader refuses any manifest that has one.
     */
    public static final String FAMILY = "family";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Checkpoints() {
    }

    /** The JSON mapper used for manifests (sorted keys, indented). */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * A manifest for {@code model} filled with the current time, environment and versions; the file
     * hashes are added by {@link #write}.
     */
    public static CheckpointManifest manifest(V2Config model, Map<String, Long> seeds, Map<String, Object> training,
                                              Map<String, Object> data, int epoch, long step,
                                              Map<String, Double> metrics) {
        return new CheckpointManifest(FORMAT_VERSION, "narformer", toolVersion(), Instant.now().toString(),
                environment(), new TreeMap<>(seeds), model, new TreeMap<>(training), new TreeMap<>(data), epoch, step,
                new TreeMap<>(metrics), Map.of());
    }

    /**
     * Writes {@code model}'s parameters, the optional optimiser state and the manifest into {@code dir},
     * replacing any previous checkpoint there. Readers never see a half-written directory.
     */
    public static void write(Path dir, V2Model model, CheckpointManifest manifest, byte[] optimizerState)
            throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(params)) {
            model.saveParameters(out);
        }
        writeDirectory(dir, params.toByteArray(), optimizerState, files -> new CheckpointManifest(
                manifest.formatVersion(), manifest.tool(), manifest.toolVersion(), manifest.createdAt(),
                manifest.environment(), manifest.seeds(), manifest.model(), manifest.training(), manifest.data(),
                manifest.epoch(), manifest.step(), manifest.metrics(), files));
    }

    /**
     * Writes a checkpoint directory of any model family atomically: {@code parameters.bin}, the optional
     * {@code optimizer.bin}, and {@code manifest.json}, the JSON of what {@code manifest} builds from the
     * files' SHA-256 (file name → hash).
     */
    public static void writeDirectory(Path dir, byte[] parameters, byte[] optimizerState,
                                      Function<Map<String, String>, Object> manifest) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, dir.getFileName() + ".tmp-");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Map<String, String> files = new TreeMap<>();
            files.put(PARAMETERS, writeFile(tmp.resolve(PARAMETERS), parameters));
            if (optimizerState != null) {
                files.put(OPTIMIZER, writeFile(tmp.resolve(OPTIMIZER), optimizerState));
            }
            writeFile(tmp.resolve(MANIFEST), JSON.writeValueAsBytes(manifest.apply(files)));
            replace(tmp, dir);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Reads and checks {@code dir/manifest.json}: known format version, all listed files present with the
     * recorded SHA-256. Throws {@link BadInputException} naming the file otherwise.
     */
    public static CheckpointManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), null, "not a checkpoint: " + MANIFEST + " is missing");
        }
        CheckpointManifest manifest;
        try {
            Map<?, ?> raw = JSON.readValue(file.toFile(), Map.class);
            Object family = raw.get(FAMILY);
            if (family != null) {
                throw new BadInputException(file.toString(), FAMILY, "a " + family + " checkpoint, not a"
                        + " NAR-Former V2 / NNLP one: load it as its own family (narformer train --model v1)");
            }
            Object version = raw.get("formatVersion");
            if (!(version instanceof Integer v) || v != FORMAT_VERSION) {
                throw new BadInputException(file.toString(), "formatVersion", "unknown checkpoint format version "
                        + version + "; this build reads version " + FORMAT_VERSION);
            }
            manifest = JSON.readValue(file.toFile(), CheckpointManifest.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.toString(), e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr(), "corrupt manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        if (manifest.model() == null || manifest.files() == null || !manifest.files().containsKey(PARAMETERS)) {
            throw new BadInputException(file.toString(), null, "incomplete manifest: model or files missing");
        }
        verifyFiles(dir, manifest.files());
        return manifest;
    }

    /**
     * Checks that every file listed in a manifest is present in {@code dir} with the recorded SHA-256; throws
     * {@link BadInputException} naming the file otherwise.
     */
    public static void verifyFiles(Path dir, Map<String, String> files) {
        for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
            Path f = dir.resolve(e.getKey());
            String actual;
            try {
                actual = sha256(Files.readAllBytes(f));
            } catch (IOException ex) {
                throw new BadInputException(f.toString(), null, "checkpoint file missing or unreadable", ex);
            }
            if (!actual.equals(e.getValue())) {
                throw new BadInputException(f.toString(), null, "corrupt checkpoint file: SHA-256 " + actual
                        + " does not match " + e.getValue() + " recorded in " + MANIFEST);
            }
        }
    }

    /** The model stored in {@code dir} (manifest checked first). */
    public static V2Model loadModel(Path dir) {
        return loadModel(dir, readManifest(dir));
    }

    /** The V2 / NNLP checkpoint in {@code dir}, its files hashed once. */
    static LoadedCheckpoint<V2Model> open(Path dir) {
        CheckpointManifest manifest = readManifest(dir);
        return new LoadedCheckpoint<>(new V2Family(manifest.model()), CheckpointRecord.of(manifest),
                loadModel(dir, manifest));
    }

    private static V2Model loadModel(Path dir, CheckpointManifest manifest) {
        Path file = dir.resolve(PARAMETERS);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return V2Model.load(manifest.model(), in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new BadInputException(file.toString(), null, "cannot load parameters: " + e.getMessage(), e);
        }
    }

    /** The optimiser state stored in {@code dir}, or null when there is none. */
    public static byte[] readOptimizerState(Path dir, CheckpointManifest manifest) {
        if (!manifest.files().containsKey(OPTIMIZER)) {
            return null;
        }
        Path file = dir.resolve(OPTIMIZER);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Java, OS, CPU and engine versions for provenance. */
    public static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Machine machine = Machine.current();
        env.put("cpu", machine.cpuModel() + ", " + machine.cores() + " cores"
                + (machine.mklShim() ? ", MKL shim loaded" : ""));
        env.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        env.put("engine", engine.getEngineName() + " " + engine.getVersion());
        return env;
    }

    /** Build version from the jar manifest, "dev" when run from classes. */
    public static String toolVersion() {
        String v = Checkpoints.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String writeFile(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return sha256(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replace(Path tmp, Path dir) throws IOException {
        Path old = null;
        if (Files.exists(dir)) {
            old = dir.resolveSibling(dir.getFileName() + ".old-" + System.nanoTime());
            move(dir, old);
        }
        move(tmp, dir);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
