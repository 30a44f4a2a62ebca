package org.narformer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.narformer.BadInputException;

/**
 * Where the real datasets live. Resolution order: an explicit directory (the {@code --data} option), the
 * {@code NARFORMER_DATA} environment variable, then {@code ../shared/data} seen from the working directory or
 * any of its ancestors (so it is found from the project root and from a module directory alike).
 */
public final class DataDirectory {
    /** Environment variable naming the data directory. */
    public static final String ENV = "NARFORMER_DATA";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Resolves the data directory; {@code explicit} may be null. Throws if none exists. */
    public static DataDirectory resolve(Path explicit) {
        return find(explicit).orElseThrow(() -> new BadInputException(
                explicit != null ? explicit.toString() : "data directory", null,
                "no data directory found: pass --data DIR, set " + ENV + ", or put the data at ../shared/data"));
    }

    /** Like {@link #resolve(Path)} but empty when nothing is found (tests skip on empty). */
    public static Optional<DataDirectory> find(Path explicit) {
        if (explicit != null) {
            return Files.isDirectory(explicit) ? Optional.of(new DataDirectory(explicit)) : Optional.empty();
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(new DataDirectory(p)) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(new DataDirectory(candidate));
            }
        }
        return Optional.empty();
    }

    public Path root() {
        return root;
    }

    /**
     * The file at {@code relative} (e.g. {@code "nasbench201/nb201_merged.csv"}); throws a
     * {@link BadInputException} naming the missing file and the three ways to point at the data.
     */
    public Path file(String relative) {
        Path p = root.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(p.toString(), null, "missing data file (data directory " + root
                    + "; choose another with --data DIR, " + ENV + ", or ../shared/data)");
        }
        return p;
    }
}
