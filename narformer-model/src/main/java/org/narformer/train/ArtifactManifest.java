package org.narformer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.model.Checkpoints;

/**
 * The {@code manifest.json} beside a run directory, an evaluation report or a prediction file (DESIGN.md
 * "provenance"): what kind of artefact, tool version, time, environment (Java, OS, CPU, DJL/PyTorch), the command
 * line, then artefact-specific entries. Written atomically, keys sorted.
 */
public final class ArtifactManifest {
    public static final String FILE = "manifest.json";

    private ArtifactManifest() {
    }

    /** The common head of every manifest. */
    public static Map<String, Object> head(String kind, List<String> command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("tool", "narformer");
        m.put("toolVersion", Checkpoints.toolVersion());
        m.put("createdAt", Instant.now().toString());
        m.put("environment", Checkpoints.environment());
        m.put("command", command == null ? List.of() : List.copyOf(command));
        return m;
    }

    /** Writes {@code content} as indented JSON to {@code file} (through a temporary sibling, then a rename). */
    public static void write(Path file, Object content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(tmp, Checkpoints.json().writeValueAsBytes(content));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
