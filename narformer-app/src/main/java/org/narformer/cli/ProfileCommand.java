package org.narformer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import org.narformer.profiler.ProfileConfig;
import org.narformer.profiler.ProfileRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narformer profile}: measure ONNX Runtime CPU latency of ONNX files into an NNLQP-format table. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Measure the latency of ONNX files with ONNX Runtime (CPU) into DIR/latency.txt (NNLQP labels), "
                + "DIR/latency.csv (with spread), DIR/failures.csv and DIR/manifest.json. A restarted run skips "
                + "files already measured; exit code 5 when some files failed.")
final class ProfileCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "ONNX files, or directories searched for *.onnx.")
    List<Path> inputs;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--threads", defaultValue = "1", description = "Intra-op threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--optimization", defaultValue = "all", description = "none, basic, extended or all (default).")
    String optimization;

    @Option(names = "--batch", defaultValue = "1", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--min-runs", defaultValue = "10", description = "Timed runs before early stop (default ${DEFAULT-VALUE}).")
    int minRuns;

    @Option(names = "--runs", defaultValue = "200", description = "Timed runs at most (default ${DEFAULT-VALUE}).")
    int maxRuns;

    @Option(names = "--stable-window", defaultValue = "5", description = "Early stop window in runs (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--stable-tolerance", defaultValue = "0.01",
            description = "Early stop when the running median moved less than this fraction (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--time-cap", defaultValue = "60", description = "Seconds of timed runs per model at most.")
    double timeCap;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of random weights and inputs.")
    long seed;

    @Option(names = "--platform-id", defaultValue = "0", description = "PlatformId column (default ${DEFAULT-VALUE}).")
    int platformId;

    @Option(names = "--stage", defaultValue = "train", description = "Stage column (default ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--sample", paramLabel = "N",
            description = "Measure only N of the files, drawn by --sample-seed (e.g. to re-measure a dataset's "
                    + "stability; compare with 'narformer latency compare').")
    Integer sample;

    @Option(names = "--sample-seed", defaultValue = "1", description = "Seed of --sample (default ${DEFAULT-VALUE}).")
    long sampleSeed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProfileConfig config = new ProfileConfig(threads, optimization, batch, warmup, minRuns, maxRuns, window,
                tolerance, timeCap, seed, platformId, stage);
        List<Path> files = ProfileRun.onnxFiles(inputs);
        if (sample != null) {
            if (sample < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sample must be positive");
            }
            files = ProfileRun.sample(files, sample, sampleSeed);
        }
        ProfileRun.Summary summary;
        try (ProgressBar bar = new ProgressBar("profile", files.size())) {
            summary = new ProfileRun(config, String.join(" ", CommandLines.of(spec))).run(files, out, f -> bar.step());
        }
        System.out.println("measured " + summary.measured() + ", already measured " + summary.skipped() + ", failed "
                + summary.failures().size() + " → " + out.resolve("latency.txt"));
        summary.failures().forEach((file, reason) -> System.err.println("narformer: failed: " + reason));
        return summary.hasFailures() ? ExitCode.PARTIAL_FAILURE.code() : ExitCode.OK.code();
    }

}
