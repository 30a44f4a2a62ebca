package org.narformer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.narformer.cells.CellSpace;
import org.narformer.cells.Nb201Cell;
import org.narformer.cells.Nb201Index;
import org.narformer.cells.Nb201Op;
import org.narformer.model.GraphModel;
import org.narformer.model.LayerKind;
import org.narformer.model.ModelFamily;
import org.narformer.model.V1Config;
import org.narformer.model.V1Family;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

/**
 * Speed of the graph models on fixed workloads (REFERENCE.md §4.5 sizes), after the machine's dense fp32 rate (the
 * ceiling for their dense layers; with it, a lower bound for scoring all of NB201): median ms per training step and
 * graphs/s for inference, for NAS-Bench-201 cells (8 nodes, V2 6 layers, d 512, 128-d tokens, batch 8 + 8
 * augmented; V1 6 encoder blocks, d 192, batch 128 + 128 augmented, real V1 tokens of random cells) and for 150-node
 * whole networks (2 layers, d 512, batch 16; V2 and NNLP); the NB201 V2 step also split into its phases
 * ({@link StepPhases}). Graph contents are random
 * (speed does not depend on them); shapes are the real ones. The PyTorch thread count is the engine's
 * ({@code -Dai.djl.pytorch.num_threads}). Shared machines are noisy: quote medians, compare ratios from one run.
 */
public final class ModelBenchmark {
    private static final int[][] NB201_EDGES = {{0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 6}, {3, 6}, {4, 7},
        {5, 7}, {6, 7}};

    /**
     * One timed workload.
     *
     * @param workload   what was timed
     * @param unit       {@code ms/step} (training, median over steps), {@code graphs/s} (inference, one pass),
     *                   {@code GFLOP/s} (the dense rate, median) or {@code s} (whole-space scoring, derived)
     * @param value      the median step time or the throughput
     * @param p10        10th percentile of what was measured (training step time; the dense rate); NaN otherwise
     * @param p90        90th percentile of the same; NaN otherwise
     * @param repeats    timed steps, or graphs scored
     * @param gflopPerSecond achieved GFLOP/s (forward 2·MACs of the dense layers per token; a training step counts
     *                   3× its forward pass); NaN when not counted
     */
    public record Result(String workload, String unit, double value, double p10, double p90, int repeats,
                         double gflopPerSecond) {
    }

    private ModelBenchmark() {
    }

    /**
     * Runs every workload.
     *
     * @param steps           timed training steps of the cell workload (the network workloads use a third)
     * @param inferenceGraphs NB201 cells scored for the inference figure
     * @param progress        called with each result as it is measured
     */
    public static List<Result> run(int steps, int inferenceGraphs, Consumer<Result> progress) {
        SplittableRandom rng = new SplittableRandom(1);
        List<Result> results = new ArrayList<>();
        Result dense = denseProduct();
        add(results, progress, dense);
        V2Config cells = V2Config.nasBench();
        List<TrainingSample> cellBatch = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            cellBatch.add(new TrainingSample(nb201Cell(rng), nb201Cell(rng), 0.5f + 0.4f * (float) rng.nextDouble()));
        }
        double cellForward = forwardGflop(cells, 16 * 8, 8);
        StepPhases phases = new StepPhases();
        add(results, progress, trainStep("NB201 training step (8+8 cells x 8 nodes, V2 6 layers, d 512)",
                new V2Family(cells), TrainConfig.nasBench201(), cellBatch, steps, 3 * cellForward, phases));
        for (StepPhases.Phase phase : StepPhases.Phase.values()) {
            add(results, progress, new Result("  of which " + phase.name().toLowerCase(java.util.Locale.ROOT),
                    "ms/step", phases.medianMs(phase), Double.NaN, Double.NaN, phases.steps(), Double.NaN));
        }
        List<TokenizedGraph> allCells = new ArrayList<>();
        for (int k = 0; k < inferenceGraphs; k++) {
            allCells.add(nb201Cell(rng));
        }
        Result scoring = inference("NB201 inference (batch 1024, V2)", new V2Family(cells), allCells, 1024,
                forwardGflop(cells, 8, 8));
        add(results, progress, scoring);
        int space = Nb201Index.SIZE;
        add(results, progress, new Result("  all 15,625 NB201 cells at that rate", "s", space / scoring.value(),
                Double.NaN, Double.NaN, space, Double.NaN));
        add(results, progress, new Result("  all 15,625 NB201 cells at the dense product rate (lower bound)", "s",
                space * forwardGflop(cells, 8, 8) / dense.value(), Double.NaN, Double.NaN, space, Double.NaN));

        V1Family v1 = new V1Family(V1Config.defaults(), V1CellTokenizer.of(CellSpace.NB201));
        List<TrainingSample> v1Batch = new ArrayList<>();
        for (int k = 0; k < 128; k++) {
            TokenizedGraph cell = v1.tokenizer().tokenize(randomNb201(rng).toGraph());
            v1Batch.add(new TrainingSample(cell, cell, 0.5f + 0.4f * (float) rng.nextDouble()));
        }
        add(results, progress, trainStep("NB201 training step (128+128 cells, V1 6 encoder blocks, d 192)", v1,
                TrainConfig.v1NasBench(), v1Batch, Math.max(5, steps / 3), Double.NaN, null));
        List<TokenizedGraph> v1Cells = new ArrayList<>();
        for (int k = 0; k < inferenceGraphs; k++) {
            v1Cells.add(v1.tokenizer().tokenize(randomNb201(rng).toGraph()));
        }
        add(results, progress, inference("NB201 inference (batch 1024, V1)", v1, v1Cells, 1024, Double.NaN));

        for (V2Config networks : List.of(V2Config.nnlqp(), V2Config.nnlp())) {
            String name = networks.layerKind() == LayerKind.NNLP ? "NNLP" : "V2";
            int tokenDim = networks.tokenDim();
            List<TrainingSample> networkBatch = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                networkBatch.add(TrainingSample.of(network(150, tokenDim, networks.staticDim(), rng),
                        1 + (float) rng.nextDouble()));
            }
            add(results, progress, trainStep("150-node network training step (16 graphs, " + name
                    + " 2 layers, d 512)", new V2Family(networks), TrainConfig.nnlqp(), networkBatch, Math.max(5, steps / 3),
                    3 * forwardGflop(networks, 16 * 150, 150), null));
            List<TokenizedGraph> many = new ArrayList<>();
            for (int k = 0; k < 512; k++) {
                many.add(network(150, tokenDim, networks.staticDim(), rng));
            }
            add(results, progress, inference("150-node network inference (batch 64, " + name + ")",
                    new V2Family(networks), many,
                    64, forwardGflop(networks, 150, 150)));
        }
        return results;
    }

    /**
     * The machine's dense fp32 rate: median GFLOP/s of a {@code [2048, 512] · [512, 512]} matrix product (the size
     * of V2's projections over one inference chunk), the ceiling for the models' dense layers.
     */
    private static Result denseProduct() {
        int rows = 2048;
        int d = 512;
        int repeats = 50;
        double[] ms = new double[repeats];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(0, 1, new Shape(rows, d));
            NDArray w = manager.randomUniform(0, 1, new Shape(d, d));
            for (int r = -5; r < repeats; r++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    long t0 = System.nanoTime();
                    x.matMul(w);
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
        }
        Arrays.sort(ms);
        double gflop = 2.0 * rows * d * d / 1e9;
        double rate = gflop / (ms[repeats / 2] / 1e3);
        return new Result("fp32 matrix product [2048, 512] x [512, 512] (dense rate)", "GFLOP/s", rate,
                gflop / (ms[repeats * 9 / 10] / 1e3), gflop / (ms[repeats / 10] / 1e3), repeats, rate);
    }

    private static void add(List<Result> results, Consumer<Result> progress, Result r) {
        results.add(r);
        progress.accept(r);
    }

    /**
     * GFLOP of one forward pass over {@code tokens} tokens in graphs of {@code nodes} nodes: 2 × the MACs per token
     * of every dense projection (V2: Q/K, W_l, W_r, the grouped FFN; NNLP: W_l, W_r) and of the neighbour products
     * (V2: scores and aggregation, n·in each; NNLP: the mean, n·in). Readouts and heads are left out (per graph).
     */
    static double forwardGflop(V2Config c, int tokens, int nodes) {
        long d = c.hiddenDim();
        double macs = 0;
        for (int l = 0; l < c.layers(); l++) {
            long in = l == 0 ? c.tokenDim() : d;
            if (c.layerKind() == LayerKind.NNLP) {
                macs += 2.0 * in * d + (double) nodes * in;
            } else {
                macs += (double) in * in + 2.0 * in * d + 2.0 * d * c.ffnDim() / c.groups() + 2.0 * nodes * in;
            }
        }
        return 2 * macs * tokens / 1e9;
    }

    /** @param phases records the phase times of the timed steps (null: not recorded) */
    private static Result trainStep(String name, ModelFamily<?> family, TrainConfig trainConfig,
                                    List<TrainingSample> batch, int steps, double gflopPerStep, StepPhases phases) {
        try (GraphModel<?> model = family.create(1)) {
            TrainingStep step = new TrainingStep(model, new AdamOptimizer(model, trainConfig), trainConfig)
                    .withPhases(phases);
            SplittableRandom pairs = new SplittableRandom(2);
            // untimed steps first: the JIT compiles the Java parts (the one-pass Adam kernel takes a few seconds of
            // compilation, which on a busy core would otherwise land in the timed phases)
            int warmup = Math.max(20, steps / 5);
            double[] ms = new double[steps];
            for (int s = -warmup; s < steps; s++) {
                if (s == 0 && phases != null) {
                    phases.clear();
                }
                long t0 = System.nanoTime();
                step.run(batch, 1e-5f, pairs, 1);
                if (s >= 0) {
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            return new Result(name, "ms/step", median, sorted[sorted.length / 10], sorted[sorted.length * 9 / 10],
                    steps, gflopPerStep / (median / 1e3));
        }
    }

    private static Result inference(String name, ModelFamily<?> family, List<TokenizedGraph> graphs, int batchSize,
                                    double gflopPerGraph) {
        try (GraphModel<?> model = family.create(1)) {
            model.predict(graphs.subList(0, Math.min(graphs.size(), batchSize)), batchSize);
            long t0 = System.nanoTime();
            model.predict(graphs, batchSize);
            double s = (System.nanoTime() - t0) / 1e9;
            double perSecond = graphs.size() / s;
            return new Result(name, "graphs/s", perSecond, Double.NaN, Double.NaN, graphs.size(),
                    gflopPerGraph * perSecond);
        }
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

    private static Nb201Cell randomNb201(SplittableRandom rng) {
        Nb201Op[] ops = Arrays.stream(Nb201Op.values()).filter(Nb201Op::isEdgeOp).toArray(Nb201Op[]::new);
        Nb201Op[] edges = new Nb201Op[Nb201Cell.EDGE_COUNT];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = ops[rng.nextInt(ops.length)];
        }
        return Nb201Cell.of(edges);
    }

    private static TokenizedGraph network(int n, int tokenDim, int staticDim, SplittableRandom rng) {
        boolean[] adjacency = new boolean[n * n];
        for (int j = 1; j < n; j++) {
            int i = Math.max(0, j - 1 - rng.nextInt(3));
            adjacency[i * n + j] = true;
            adjacency[j * n + i] = true;
        }
        return new TokenizedGraph(n, tokenDim, randomTokens(n * tokenDim, rng), adjacency,
                randomTokens(staticDim, rng));
    }

    private static float[] randomTokens(int size, SplittableRandom rng) {
        float[] t = new float[size];
        for (int i = 0; i < size; i++) {
            t[i] = (float) rng.nextDouble();
        }
        return t;
    }
}
