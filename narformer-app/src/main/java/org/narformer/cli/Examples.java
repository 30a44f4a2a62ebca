package org.narformer.cli;

import java.nio.file.Path;

/** Where the example networks that ship with the project live ({@code examples/} under the project root). */
final class Examples {
    private Examples() {
    }

    /** {@code $narformer.home/examples} when run by the launcher, else {@code examples} in the working directory. */
    static Path directory() {
        String home = System.getProperty("narformer.home");
        return home == null ? Path.of("examples") : Path.of(home, "examples");
    }
}
