package org.narformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code narformer latency …}: predict latency, fit predictors, look at measured latency tables. */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Predict latency with a trained predictor (predict), train one (fit), and summarise and compare "
                + "latency tables written by 'narformer profile'.",
        subcommands = {LatencyPredictCommand.class, LatencyFitCommand.class, LatencySummaryCommand.class,
            LatencyCompareCommand.class})
final class LatencyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
