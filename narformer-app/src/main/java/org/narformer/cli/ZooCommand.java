package org.narformer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code narformer zoo …}: model-family generation. */
@Command(name = "zoo", mixinStandardHelpOptions = true, description = "Generate model-family variants as ONNX files.",
        subcommands = {ZooGenerateCommand.class})
final class ZooCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
