package org.narformer.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.narformer.AtomicFiles;
import org.narformer.model.Checkpoints;

/**
 * The {@code manifest.json} beside a run directory, an evaluation report or a prediction file (DESIGN.md
 * "provenance"): what kind of artefact, tool version, time, environment (Java, OS, CPU, DJL/PyTorch), the command
 * line, then artefact-specific entries (the git commit too, see {@link #gitSha()}). Written atomically, keys sorted.
 */
public final class ArtifactManifest {
    public static final String FILE = "manifest.json";
    private static final String BUILD_COMMIT = "build-commit.properties";

    private ArtifactManifest() {
    }

    /** The common head of every manifest. */
    public static Map<String, Object> head(String kind, List<String> command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("tool", "narformer");
        m.put("toolVersion", Checkpoints.toolVersion());
        m.put("gitSha", gitSha());
        m.put("createdAt", Instant.now().toString());
        m.put("environment", Checkpoints.environment());
        m.put("command", command == null ? List.of() : List.copyOf(command));
        return m;
    }

    /**
     * The commit this build was made from, as the build recorded it ({@code build-commit.properties}, written by the
     * git-commit-id plugin), with {@code -dirty} when the working tree had uncommitted changes; the
     * {@code narformer.gitSha} system property overrides it; "unknown" for a build made outside a git checkout.
     */
    public static String gitSha() {
        String given = System.getProperty("narformer.gitSha");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Properties build = new Properties();
        try (InputStream in = ArtifactManifest.class.getResourceAsStream(BUILD_COMMIT)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String sha = build.getProperty("git.commit.id.full", "");
        if (sha.isBlank()) {
            return "unknown";
        }
        return Boolean.parseBoolean(build.getProperty("git.dirty")) ? sha + "-dirty" : sha;
    }

    /** Writes {@code content} as indented JSON to {@code file} (through a temporary sibling, then a rename). */
    public static void write(Path file, Object content) {
        try {
            AtomicFiles.write(file, Checkpoints.json().writeValueAsBytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
