package org.narformer.profiler;

/**
 * How latency is measured with ONNX Runtime (CPU execution provider). NNLQP measured with its own harness
 * (TensorRT on GPU); the matching fields are named where one exists.
 *
 * @param threads           intra-op threads (inter-op threads are 1, sequential execution)
 * @param optimizationLevel graph optimisation level: {@code none}, {@code basic}, {@code extended}, {@code all}
 * @param batchSize         batch dimension of the random input (NNLQP label column 3 {@code BatchSize});
 *                          files are rewritten to it ({@code OnnxModel.withBatchSize}); one that bakes batch 1
 *                          into a constant fails at run time and is reported
 * @param warmupRuns        untimed runs before timing
 * @param minRuns           timed runs before early stopping may apply
 * @param maxRuns           timed runs at most
 * @param stableWindow      early stop when the running median moved less than {@code stableTolerance}
 *                          (relative) over the last {@code stableWindow} runs
 * @param stableTolerance   relative tolerance of the early stop (0.01 = 1 %)
 * @param timeCapSeconds    per-model cap on timed runs (at least {@code min(minRuns, 3)} runs are taken)
 * @param weightSeed        seed of the random weights given to weight-stripped files and of the random input
 * @param platformId        the {@code PlatformId} column written to the label file
 * @param stage             the {@code Stage} column written to the label file
 */
public record ProfileConfig(int threads, String optimizationLevel, int batchSize, int warmupRuns, int minRuns,
                            int maxRuns, int stableWindow, double stableTolerance, double timeCapSeconds,
                            long weightSeed, int platformId, String stage) {

    public ProfileConfig {
        if (threads < 1 || batchSize < 1 || warmupRuns < 0 || minRuns < 1 || maxRuns < minRuns
                || stableWindow < 1 || stableTolerance <= 0 || timeCapSeconds <= 0) {
            throw new IllegalArgumentException("invalid profile settings: threads " + threads + ", batch " + batchSize
                    + ", warmup " + warmupRuns + ", runs " + minRuns + ".." + maxRuns + ", window " + stableWindow
                    + ", tolerance " + stableTolerance + ", cap " + timeCapSeconds + " s");
        }
        if (!java.util.List.of("none", "basic", "extended", "all").contains(optimizationLevel)) {
            throw new IllegalArgumentException("optimization level must be none, basic, extended or all, got "
                    + optimizationLevel);
        }
        if (stage == null || stage.isBlank() || stage.contains(" ")) {
            throw new IllegalArgumentException("stage must be one word, got '" + stage + "'");
        }
    }

    /** 1 thread, all optimisations, batch 1, 10 warm-up runs, 10..200 timed runs, 1 % over 5 runs, 60 s cap. */
    public static ProfileConfig defaults() {
        return new ProfileConfig(1, "all", 1, 10, 10, 200, 5, 0.01, 60, 0, 0, "train");
    }
}
