package org.narformer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narformer inspect FILE…}: summarise networks (placeholder until the ONNX importer lands). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Summarise ONNX networks: nodes, edges, ops, shapes, FLOPs/params/memory access, tokens.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "ONNX files (default: the bundled examples).")
    List<Path> files = List.of();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        throw new org.narformer.NarFormerException("inspect is not implemented yet");
    }
}
