package org.narformer.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/** The command line of the running command, for manifests. */
final class CommandLines {
    private CommandLines() {
    }

    /** {@code narformer} followed by the original arguments. */
    static List<String> of(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        List<String> line = new ArrayList<>();
        line.add(root.name());
        line.addAll(root.commandLine().getParseResult().originalArgs());
        return line;
    }
}
