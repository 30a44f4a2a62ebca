package org.narformer.cli;

import java.nio.file.Path;

/**
 * What ships with the project under its root: the example networks ({@code examples/}) and the latency predictors
 * ({@code predictors/}). The root is {@code $narformer.home} when run by the launcher, else the working directory.
 */
final class ProjectPaths {
    /** The default latency predictor: NAR-Former V2 fitted on {@code datasets/zoo-cpu1} (one CPU core, ONNX Runtime). */
    static final String DEFAULT_PREDICTOR = "zoo-cpu1-v2";

    private ProjectPaths() {
    }

    /** The example networks. */
    static Path examples() {
        return home().resolve("examples");
    }

    /** The directory of the shipped latency predictors. */
    static Path predictors() {
        return home().resolve("predictors");
    }

    private static Path home() {
        String home = System.getProperty("narformer.home");
        return home == null ? Path.of("") : Path.of(home);
    }
}
