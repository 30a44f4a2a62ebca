package org.narformer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.narformer.zoo.ExampleNetworks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer zoo examples}: (re)write the example networks the project ships. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Write the example networks the project ships (weight-stripped NAS-Bench-201, FBNet, ResNet-18 "
                + "and MobileNetV2 networks built by narformer itself) into a directory; byte-identical every time.")
final class ZooExamplesCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: the project's examples/).")
    Path out;

    @Override
    public Integer call() {
        Path dir = out == null ? ProjectPaths.examples() : out;
        for (ExampleNetworks.Example e : ExampleNetworks.all()) {
            Path file = dir.resolve(e.fileName());
            e.model().write(file);
            System.out.println(file + "  (" + e.origin() + ")");
        }
        return ExitCode.OK.code();
    }
}
