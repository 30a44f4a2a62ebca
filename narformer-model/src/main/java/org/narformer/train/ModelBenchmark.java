package org.narformer.train;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.narformer.model.V2Config;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Speed of the V2 model on the reference workloads (the future {@code narformer bench}): median ms per
 * training step and graphs/s for inference, for NAS-Bench-201 cells (8 nodes, 6 layers, d 512, 128-d
 * tokens, batch 8 + 8 augmented) and for 150-node whole networks (2 layers, 152-d tokens, batch 16).
 * Graph contents are random (speed does not depend on them); shapes are the real ones.
 *
 * <p>Usage: {@code ModelBenchmark [trainSteps] [inferenceGraphs]} (defaults 60 and 15625); set
 * {@code -Dai.djl.pytorch.num_threads=N} to choose the PyTorch thread count. Results are noisy on shared
 * machines: report the median and the load average printed first. From the project root:
 * <pre>
 * mvn -B -q -DskipTests package
 * MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=4294967295 java -Xmx8g -Dai.djl.offline=true \
 *   -Dai.djl.pytorch.num_threads=1 -cp narformer-app/target/narformer.jar org.narformer.train.ModelBenchmark 30 15625
 * </pre>
 * On a loaded 2-core machine one thread is faster than two (OpenMP threads spin against other processes).
 */
public final class ModelBenchmark {
    private static final int[][] NB201_EDGES = {{0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 6}, {3, 6}, {4, 7},
        {5, 7}, {6, 7}};

    private ModelBenchmark() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int inferenceGraphs = args.length > 1 ? Integer.parseInt(args[1]) : 15_625;
        SplittableRandom rng = new SplittableRandom(1);
        System.out.printf("%d processors, PyTorch intra-op threads %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default (= cores)"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        V2Config cells = V2Config.nasBench();
        List<TrainingSample> cellBatch = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            cellBatch.add(new TrainingSample(nb201Cell(rng), nb201Cell(rng), 0.5f + 0.4f * (float) rng.nextDouble()));
        }
        report("NB201 train step (8+8 cells x 8 nodes, 6 layers, d 512)",
                trainStepMs(cells, TrainConfig.nasBench201(), cellBatch, steps));
        List<TokenizedGraph> allCells = new ArrayList<>();
        for (int k = 0; k < inferenceGraphs; k++) {
            allCells.add(nb201Cell(rng));
        }
        inference("NB201 inference", cells, allCells, 1024);

        V2Config networks = V2Config.nnlqp();
        List<TrainingSample> networkBatch = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            networkBatch.add(TrainingSample.of(network(150, rng), 1 + (float) rng.nextDouble()));
        }
        report("150-node network train step (16 graphs, 2 layers, d 512)",
                trainStepMs(networks, TrainConfig.nnlqp(), networkBatch, Math.max(5, steps / 3)));
        List<TokenizedGraph> manyNetworks = new ArrayList<>();
        for (int k = 0; k < 512; k++) {
            manyNetworks.add(network(150, rng));
        }
        inference("150-node network inference", networks, manyNetworks, 64);
    }

    private static double[] trainStepMs(V2Config modelConfig, TrainConfig trainConfig, List<TrainingSample> batch,
                                        int steps) {
        try (V2Model model = V2Model.create(modelConfig, 1)) {
            TrainingStep step = new TrainingStep(model, new AdamOptimizer(model), trainConfig);
            SplittableRandom pairs = new SplittableRandom(2);
            int warmup = Math.max(3, steps / 10);
            double[] ms = new double[steps];
            for (int s = -warmup; s < steps; s++) {
                long t0 = System.nanoTime();
                step.run(batch, 1e-5f, pairs, 1);
                if (s >= 0) {
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return ms;
        }
    }

    private static void inference(String name, V2Config config, List<TokenizedGraph> graphs, int batchSize) {
        try (V2Model model = V2Model.create(config, 1)) {
            model.predict(graphs.subList(0, Math.min(graphs.size(), batchSize)), batchSize);
            long t0 = System.nanoTime();
            model.predict(graphs, batchSize);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d graphs at batch %d in %.2f s = %.0f graphs/s%n", name, graphs.size(),
                    batchSize, s, graphs.size() / s);
        }
    }

    private static void report(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.1f ms/step (p10 %.1f, p90 %.1f, %d steps)%n", name,
                sorted[sorted.length / 2], sorted[sorted.length / 10], sorted[sorted.length * 9 / 10], ms.length);
    }

    private static TokenizedGraph nb201Cell(SplittableRandom rng) {
        int n = 8;
        boolean[] adjacency = new boolean[n * n];
        for (int[] e : NB201_EDGES) {
            adjacency[e[0] * n + e[1]] = true;
            adjacency[e[1] * n + e[0]] = true;
        }
        return new TokenizedGraph(n, 128, randomTokens(n * 128, rng), adjacency, new float[0]);
    }

    private static TokenizedGraph network(int n, SplittableRandom rng) {
        boolean[] adjacency = new boolean[n * n];
        for (int j = 1; j < n; j++) {
            int i = Math.max(0, j - 1 - rng.nextInt(3));
            adjacency[i * n + j] = true;
            adjacency[j * n + i] = true;
        }
        return new TokenizedGraph(n, 152, randomTokens(n * 152, rng), adjacency, randomTokens(40, rng));
    }

    private static float[] randomTokens(int size, SplittableRandom rng) {
        float[] t = new float[size];
        for (int i = 0; i < size; i++) {
            t[i] = (float) rng.nextDouble();
        }
        return t;
    }
}
