package org.narformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code narformer latency …}: look at measured latency tables ({@code narformer profile} output). */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Summarise and compare latency tables written by 'narformer profile'.",
        subcommands = {LatencySummaryCommand.class, LatencyCompareCommand.class})
final class LatencyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
