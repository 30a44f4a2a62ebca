package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;
import org.narformer.model.V1Checkpoints;
import org.narformer.model.V1Model;

/**
 * NAR-Former V1 through the protocol on real NAS-Bench-201 data, shrunk: first 200 cells, select on the next 50,
 * a few epochs of the V1 network with 2 encoder blocks instead of 6 (test time). Kendall τ over all 15,625 cells must rise well above the untrained
 * network's; the selected raw and EMA networks are written and load back.
 */
class V1NasBenchProtocolIT {
    @TempDir
    Path tmp;

    @Test
    void shortV1RunRaisesTauOverAllCells() throws Exception {
        Optional<DataDirectory> dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "NAS-Bench-201 data not found (../shared/data or NARFORMER_DATA)");
        NasBenchConfig config = NasBenchConfig.of(null, Map.of("trainCount", 200, "validationCount", 50,
                "epochs", 8, "layers", 2, "batchSize", 32, "learningRate", 5e-4, "allEvery", 0, "showProgress", false,
                "modelFamily", "v1"));
        Path runDir = tmp.resolve("run");
        NasBenchRun run = NasBenchProtocol.train(config, dir.get(), runDir, List.of("test"));
        List<TauPoint> curve = run.curve();
        assertEquals(9, curve.size(), "epoch 0 and 8 epochs");
        double untrained = curve.get(0).allTau();
        assertTrue(curve.get(8).trainLoss() < curve.get(1).trainLoss(), "loss must fall: " + curve);
        System.out.printf("V1 (2 encoder blocks) NB201 200 train / 50 validation, 8 epochs: tau all untrained %.3f -> %.3f (best epoch"
                + " %d, validation tau %.3f), %.3f s/iteration%n", untrained, run.result().bestAllTau(),
                run.result().bestEpoch(), run.result().bestSelectionTau(),
                run.result().progress().secondsPerIteration());
        assertTrue(run.result().bestAllTau() > untrained + 0.15 && run.result().bestAllTau() > 0.15,
                "tau must rise: " + untrained + " -> " + run.result().bestAllTau());
        try (V1Model best = V1Checkpoints.load(runDir.resolve(Trainer.BEST));
             V1Model ema = V1Checkpoints.load(runDir.resolve(Trainer.BEST_EMA))) {
            assertEquals(2, best.config().encoderLayers());
            assertEquals(best.config(), ema.config());
        }
        String manifest = Files.readString(runDir.resolve(ArtifactManifest.FILE));
        assertTrue(manifest.contains("\"bestEmaAllTau\"") && manifest.contains("narformer-v1"), manifest);
        NasBenchEvaluation evaluation = NasBenchProtocol.evaluate(runDir, dir.get(), false);
        assertEquals(run.result().bestAllTau(), evaluation.report().overall().kendallTau(), 1e-12,
                "evaluate reads the V1 checkpoint and reproduces the tau recorded by the run");
        try (NasBenchModel model = NasBenchModel.open(runDir)) {
            assertEquals(NasBenchConfig.Family.V1, model.config().modelFamily());
            float[] one = model.predictCells(List.of(model.space().graph(
                    NasBenchCells.load(config, dir.get()).samples().get(0))), false);
            assertEquals(evaluation.predicted()[0], one[0], 1e-6, "predict tokenizes cells for V1");
        }
    }
}
