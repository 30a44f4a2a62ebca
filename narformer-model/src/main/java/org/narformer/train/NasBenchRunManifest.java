package org.narformer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.narformer.BadInputException;
import org.narformer.model.Checkpoints;

/**
 * The {@code manifest.json} of a NAS-Bench training run ({@link NasBenchProtocol}), read back: its protocol
 * configuration, its τ-vs-epoch curve and, once the run has finished, its {@code result}.
 *
 * @param file    the manifest file
 * @param content every field as read, in file order (read-only; a resumed run rewrites a copy)
 * @param config  the run's protocol configuration
 * @param curve   one point per completed epoch (and epoch 0), as far as the run got
 */
public record NasBenchRunManifest(Path file, Map<String, Object> content, NasBenchConfig config,
                                  List<TauPoint> curve) {
    /** The {@code kind} of a run manifest. */
    public static final String KIND = "nasbench-run";

    public NasBenchRunManifest {
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
        curve = List.copyOf(curve);
    }

    /**
     * Reads {@code path}: a run directory (its {@code manifest.json}) or a run manifest file itself.
     *
     * @throws BadInputException naming the file when it is missing, unreadable or not a NAS-Bench run manifest
     */
    public static NasBenchRunManifest read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(ArtifactManifest.FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), null, "no such file: not a training run");
        }
        Map<String, Object> content;
        try {
            content = Checkpoints.json().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "unreadable run manifest: " + e.getMessage(), e);
        }
        if (content.containsKey("kind") && !KIND.equals(content.get("kind"))) {
            throw new BadInputException(file.toString(), "kind", "'" + content.get("kind") + "' is not a " + KIND);
        }
        if (!(content.get("protocol") instanceof Map<?, ?> protocol)) {
            throw new BadInputException(file.toString(), "protocol", "missing: not a " + KIND + " manifest");
        }
        NasBenchConfig config = NasBenchConfig.fromMap(protocol, file.toString());
        List<TauPoint> curve = new ArrayList<>();
        try {
            for (Object point : (List<?>) content.getOrDefault("curve", List.of())) {
                curve.add(Checkpoints.json().convertValue(point, TauPoint.class));
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadInputException(file.toString(), "curve", "malformed curve: " + e.getMessage(), e);
        }
        return new NasBenchRunManifest(file, content, config, curve);
    }

    /** Whether {@code dir} is a run directory: its manifest and its {@code last/} checkpoint. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(ArtifactManifest.FILE)) && Files.isDirectory(dir.resolve(Trainer.LAST));
    }

    /** The run's outcome (selected epoch and τ, timings), or null while it has not finished. */
    @SuppressWarnings("unchecked")
    public NasBenchRunResult result() {
        return content.get("result") instanceof Map<?, ?> r ? NasBenchRunResult.of((Map<String, Object>) r) : null;
    }

    /** The last progress record of an unfinished run (steps, skipped steps, timings), or null. */
    @SuppressWarnings("unchecked")
    public RunProgress progress() {
        return content.get("progress") instanceof Map<?, ?> p ? RunProgress.of((Map<String, Object>) p) : null;
    }

    /** The processor the run was made on, as its manifest's environment records it, or null. */
    public String cpu() {
        return content.get("environment") instanceof Map<?, ?> env && env.get("cpu") != null
                ? env.get("cpu").toString() : null;
    }

    /** The build that started the run, or null. */
    public String gitSha() {
        Object sha = content.get("gitSha");
        return sha == null ? null : sha.toString();
    }
}
