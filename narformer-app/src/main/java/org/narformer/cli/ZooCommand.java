package org.narformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code narformer zoo …}: model-family generation. */
@Command(name = "zoo", mixinStandardHelpOptions = true, description = "Generate networks as ONNX files: model-family variants and the shipped examples.",
        subcommands = {ZooGenerateCommand.class, ZooExamplesCommand.class, ZooNnlqpNb201Command.class})
final class ZooCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
