package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.metrics.Metrics;
import org.narformer.model.CheckpointRecord;
import org.narformer.model.Checkpoints;
import org.narformer.model.Readout;
import org.narformer.model.V2Config;
import org.narformer.model.V2Family;
import org.narformer.model.V2Model;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * Learning on a synthetic but learnable cell task: 8-node cells with 5 op types; the label depends on op
 * counts and on which ops are adjacent. Augmented twins permute the intermediate nodes and re-encode
 * positions, as the cell augmentation does.
 */
class TrainingIT {
    private static final int NODES = 8;
    private static final int OPS = 5;
    private static final V2Config CELL = new V2Config(16, 64, 2, 4, 8, 0.05f, 1e-4f, true,
            Readout.LAYER_MEAN_FUSION, 0);

    @TempDir
    Path tmp;

    @Test
    void lossFallsAndHeldOutKendallTauRises() {
        List<TrainingSample> train = samples(400, 1);
        List<TrainingSample> validation = samples(100, 2);
        List<TrainingSample> test = samples(300, 3);
        TrainConfig config = new TrainConfig(8, 8, 1024, 1e-3f, 0.1, 0.1f, 0.5f, 7, 1, SelectionMetric.KENDALL_TAU,
                SelectionSet.VALIDATION, 50, false);
        double tauBefore;
        try (V2Model untrained = V2Model.create(CELL, Trainer.derivedSeed(7, 0, 1))) {
            tauBefore = Trainer.evaluate(untrained, test, 256).kendallTau();
        }
        TrainingResult result = new Trainer<>(new V2Family(CELL), config).train(train, validation, tmp.resolve("run"),
                Map.of("description", "synthetic cells"));
        assertEquals(8, result.history().size());
        assertEquals(0.0, result.last().paddingFraction(), "equal-size cells need no padding");
        double firstLoss = result.history().get(0).meanLoss();
        assertTrue(result.last().meanLoss() < 0.5 * firstLoss,
                "loss must fall: " + firstLoss + " -> " + result.last().meanLoss());
        try (Predictor best = Predictor.load(result.bestCheckpoint())) {
            double tauAfter = best.evaluate(test).kendallTau();
            assertTrue(tauAfter > 0.6 && tauAfter > tauBefore + 0.3,
                    "held-out tau must rise: " + tauBefore + " -> " + tauAfter);
            CheckpointRecord manifest = best.record();
            assertEquals(result.bestEpoch(), manifest.epoch());
            assertEquals(best.evaluate(validation).kendallTau(), manifest.metrics().get("eval.kendallTau"), 1e-12,
                    "the saved model reproduces the validation tau recorded at selection time");
            assertEquals("VALIDATION", manifest.training().get("selectionSet"));
        }
    }

    @Test
    void resumingFromLastContinuesExactlyLikeTheUninterruptedRun() throws IOException {
        V2Config small = CELL.withSize(1, 32);
        List<TrainingSample> train = samples(48, 4);
        List<TrainingSample> validation = samples(20, 5);
        TrainConfig config = new TrainConfig(2, 8, 64, 1e-3f, 0.1, 0.1f, 0.5f, 11, 1, SelectionMetric.KENDALL_TAU,
                SelectionSet.VALIDATION, 50, false);
        Path run = tmp.resolve("full");
        Path interrupted = tmp.resolve("interrupted");
        new Trainer<>(new V2Family(small), config).withListener((report, model, ema) -> {
            if (report.epoch() == 1) {
                copy(run.resolve(Trainer.LAST), interrupted.resolve(Trainer.LAST));
            }
        }).train(train, validation, run, Map.of());
        assertEquals(1, Checkpoints.readManifest(interrupted.resolve(Trainer.LAST)).epoch());
        TrainingResult resumed = Trainer.resume(interrupted.resolve(Trainer.LAST), train, validation, Map.of());
        assertEquals(1, resumed.history().size());
        assertEquals(2, resumed.last().epoch());
        List<TokenizedGraph> probe = graphs(validation);
        try (Predictor full = Predictor.load(run.resolve(Trainer.LAST));
             Predictor again = Predictor.load(resumed.lastCheckpoint())) {
            assertArrayEquals(full.predict(probe), again.predict(probe));
            assertEquals(full.record().step(), again.record().step());
        }
    }

    @Test
    void multiOutputModelLearnsEveryTargetAndFineTuningStartsFromTheGivenWeights() {
        V2Config two = CELL.withOutputs(2);
        List<TrainingSample> train = withSecondTarget(samples(400, 1));
        List<TrainingSample> validation = withSecondTarget(samples(100, 2));
        List<TrainingSample> test = withSecondTarget(samples(300, 3));
        TrainConfig config = new TrainConfig(8, 8, 1024, 1e-3f, 0.1, 0f, 0f, 7, 1, SelectionMetric.MAPE,
                SelectionSet.VALIDATION, 50, false);
        TrainingResult result = new Trainer<>(new V2Family(two), config).train(train, validation, tmp.resolve("two"),
                Map.of());
        try (V2Model model = new V2Family(two).load(result.bestCheckpoint())) {
            float[][] p = model.predictOutputs(graphs(test), 256);
            List<Metrics> perOutput = new ArrayList<>();
            for (int o = 0; o < 2; o++) {
                int out = o;
                Metrics m = Metrics.of(java.util.stream.IntStream.range(0, p.length).mapToDouble(i -> p[i][out])
                        .toArray(), test.stream().mapToDouble(t -> t.targets()[out]).toArray());
                assertTrue(m.kendallTau() > 0.5, "output " + o + " must learn its own target: tau " + m.kendallTau());
                perOutput.add(m);
            }
            assertEquals(Metrics.meanOf(perOutput).mape(), Trainer.evaluate(model, test, 256).mape(), 1e-12,
                    "a multi-output evaluation is the mean over outputs");
            try (V2Model start = model.withHeads(new int[] {1}, 3)) {
                float[] before = start.predict(graphs(test), 256);
                TrainingResult tuned = new Trainer<>(new V2Family(CELL), config.withEpochs(1).withLearningRate(1e-7f))
                        .fineTune(start, secondTargetOnly(train), secondTargetOnly(validation), tmp.resolve("tuned"),
                                Map.of());
                assertArrayEquals(before, start.predict(graphs(test), 256), "fine-tuning leaves its start alone");
                try (Predictor after = Predictor.load(tuned.lastCheckpoint())) {
                    float[] a = after.predict(graphs(test));
                    for (int i = 0; i < a.length; i++) {
                        assertEquals(before[i], a[i], 1e-3f * before[i], "a tiny-rate step stays at the start");
                    }
                }
            }
        }
    }

    /** The samples with a second target that ranks cells differently: 0.2 + 0.1 per node of op 3. */
    private static List<TrainingSample> withSecondTarget(List<TrainingSample> samples) {
        return samples.stream().map(s -> {
            float second = 0.2f;
            for (int i = 0; i < NODES; i++) {
                second += s.graph().tokens()[i * CELL.tokenDim() + 3] * 0.1f;
            }
            return new TrainingSample(s.graph(), null, new float[] {s.target(), second});
        }).toList();
    }

    private static List<TrainingSample> secondTargetOnly(List<TrainingSample> samples) {
        return samples.stream().map(s -> TrainingSample.of(s.graph(), s.targets()[1])).toList();
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples with a fixed random DAG per sample, random ops, and an op/edge dependent label. */
    static List<TrainingSample> samples(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TrainingSample> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int[] ops = new int[NODES];
            for (int i = 1; i < NODES - 1; i++) {
                ops[i] = 1 + rng.nextInt(OPS - 2);
            }
            ops[NODES - 1] = OPS - 1;
            boolean[] dag = new boolean[NODES * NODES];
            for (int j = 1; j < NODES; j++) {
                dag[rng.nextInt(j) * NODES + j] = true;
            }
            double label = 0.3;
            for (int i = 0; i < NODES; i++) {
                label += ops[i] == 1 ? 0.08 : ops[i] == 2 ? 0.03 : 0;
                for (int j = 0; j < NODES; j++) {
                    if (dag[i * NODES + j] && ops[i] == 1 && ops[j] == 3) {
                        label += 0.05;
                    }
                }
            }
            int[] perm = new int[NODES];
            int[] middle = java.util.stream.IntStream.range(1, NODES - 1).toArray();
            org.narformer.model.BatchPlanner.shuffle(middle, rng);
            perm[NODES - 1] = NODES - 1;
            System.arraycopy(middle, 0, perm, 1, NODES - 2);
            list.add(new TrainingSample(cell(ops, dag, identity()), cell(ops, dag, perm), (float) label));
        }
        return list;
    }

    private static int[] identity() {
        return java.util.stream.IntStream.range(0, NODES).toArray();
    }

    /** Token = [op one-hot | position one-hot | padding]; node i is placed at perm[i]. */
    private static TokenizedGraph cell(int[] ops, boolean[] dag, int[] perm) {
        float[] tokens = new float[NODES * CELL.tokenDim()];
        boolean[] adjacency = new boolean[NODES * NODES];
        for (int i = 0; i < NODES; i++) {
            int p = perm[i];
            tokens[p * CELL.tokenDim() + ops[i]] = 1f;
            tokens[p * CELL.tokenDim() + OPS + p] = 1f;
            for (int j = 0; j < NODES; j++) {
                if (dag[i * NODES + j]) {
                    adjacency[p * NODES + perm[j]] = true;
                    adjacency[perm[j] * NODES + p] = true;
                }
            }
        }
        return new TokenizedGraph(NODES, CELL.tokenDim(), tokens, adjacency, new float[0]);
    }

    static List<TokenizedGraph> graphs(List<TrainingSample> samples) {
        return samples.stream().map(TrainingSample::graph).toList();
    }

}
