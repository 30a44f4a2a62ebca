package org.narformer.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.narformer.BadInputException;
import org.narformer.TextTable;
import org.narformer.data.Machine;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.ModelBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer bench model}: speed of the graph models ({@link ModelBenchmark}). */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Speed of the graph models on this machine: first the machine's dense fp32 rate (GFLOP/s of "
                + "a [2048, 512] x [512, 512] matrix product, the ceiling for the models' dense layers), then "
                + "median ms per training step for NB201 cells "
                + "(V2, batch 8 + 8 augmented twins, 6 layers, d 512; steps/s = 1000 / ms) with the median time of "
                + "each phase of that step (batch, forward, loss, backward, update), and graphs/s scoring NB201 "
                + "cells at batch 1024 (with the seconds for all 15,625 at that rate and at the dense rate, a lower bound), the same for NAR-Former V1 (batch 128 + 128, 6 encoder blocks, d 192), then "
                + "for 150-node whole networks (V2 and NNLP, 2 layers, d 512), with the achieved GFLOP/s (V2, NNLP). "
                + "Graph contents are random (speed does not depend on them); shapes are the real ones.",
                "Set the PyTorch thread count with NARFORMER_JAVA_OPTS=-Dai.djl.pytorch.num_threads=N. Shared "
                + "machines are noisy: the load average is recorded."})
final class BenchModelCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "60", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--graphs", defaultValue = "15625",
            description = "NB201 cells scored for the inference figure (default: ${DEFAULT-VALUE}, all of NB201).")
    int graphs;

    @Option(names = "--json", description = "Print JSON (machine, build, threads, load, results).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || graphs < 1) {
            throw new BadInputException("bench model", null, "--steps and --graphs must be positive");
        }
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "default (= cores)");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (!json) {
            System.out.println(Machine.current());
            System.out.printf(Locale.ROOT, "PyTorch intra-op threads %s, load average %.2f%n", threads, load);
        }
        List<ModelBenchmark.Result> results = ModelBenchmark.run(steps, graphs, r -> {
            if (!json) {
                System.out.printf(Locale.ROOT, "%s: %.1f %s%n", r.workload(), r.value(), r.unit());
            }
        });
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("machine", Machine.current(), "build", ArtifactManifest.gitSha(), "pytorchThreads", threads,
                            "loadAverageAtStart", load, "results", results)));
            return ExitCode.OK.code();
        }
        TextTable table = new TextTable("workload", "median", "unit", "p10", "p90", "n", "GFLOP/s");
        for (ModelBenchmark.Result r : results) {
            table.row(r.workload(), num(r.value()), r.unit(), num(r.p10()), num(r.p90()), r.repeats(),
                    num(r.gflopPerSecond()));
        }
        System.out.print(table.render());
        return ExitCode.OK.code();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
