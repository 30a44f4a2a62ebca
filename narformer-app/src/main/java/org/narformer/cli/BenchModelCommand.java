package org.narformer.cli;

import java.util.concurrent.Callable;

import org.narformer.BadInputException;
import org.narformer.data.Machine;
import org.narformer.train.ModelBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer bench model}: speed of the V2 model (the engine's {@link ModelBenchmark}). */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Speed of NAR-Former V2 on this machine: median ms per training step for NB201 cells "
                + "(batch 8 + 8 augmented twins, 6 layers, d 512; steps/s = 1000 / ms) and graphs/s for inference "
                + "over NB201 cells at batch 1024, then the same for 150-node whole networks (2 layers, d 512). "
                + "Graph contents are random (speed does not depend on them); shapes are the real ones.",
                "Set the PyTorch thread count with NARFORMER_JAVA_OPTS=-Dai.djl.pytorch.num_threads=N. Shared "
                + "machines are noisy: the load average is printed first."})
final class BenchModelCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "60", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--graphs", defaultValue = "15625",
            description = "NB201 cells scored for the inference figure (default: ${DEFAULT-VALUE}, all of NB201).")
    int graphs;

    @Override
    public Integer call() {
        if (steps < 1 || graphs < 1) {
            throw new BadInputException("bench model", null, "--steps and --graphs must be positive");
        }
        System.out.println(Machine.current());
        ModelBenchmark.main(new String[] {Integer.toString(steps), Integer.toString(graphs)});
        return ExitCode.OK.code();
    }
}
