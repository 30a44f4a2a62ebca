package org.narformer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.narformer.AtomicFiles;
import org.narformer.model.Checkpoints;

/**
 * The {@code manifest.json} beside a run directory, an evaluation report or a prediction file (DESIGN.md
 * "provenance"): what kind of artefact, tool version, time, environment (Java, OS, CPU, DJL/PyTorch), the command
 * line, then artefact-specific entries (the git commit too, see {@link #gitSha()}). Written atomically, keys sorted.
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
        m.put("gitSha", gitSha());
        m.put("createdAt", Instant.now().toString());
        m.put("environment", Checkpoints.environment());
        m.put("command", command == null ? List.of() : List.copyOf(command));
        return m;
    }

    /**
     * The commit of the running build: the {@code narformer.gitSha} system property when set, otherwise
     * {@code git rev-parse HEAD} in {@code narformer.home} (set by the launcher) or the working directory, with
     * {@code -dirty} when there are uncommitted changes; "unknown" when git cannot tell.
     */
    public static String gitSha() {
        String given = System.getProperty("narformer.gitSha");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String home = System.getProperty("narformer.home", ".");
        String sha = git(home, "rev-parse", "HEAD");
        if (sha == null || sha.isEmpty()) {
            return "unknown";
        }
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? sha : sha + "-dirty";
    }

    private static String git(String dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
