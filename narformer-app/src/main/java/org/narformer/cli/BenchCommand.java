package org.narformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code narformer bench …}: the project's speed figures, measured on this machine (medians). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that produce the speed figures of docs/RESULTS.md (medians; machines are noisy, "
                + "compare ratios measured in one run).",
        subcommands = {BenchEncodeCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.ParentCommand
    NarFormerCli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
