package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;
import org.narformer.data.DataDirectory;
import org.narformer.metrics.EvaluationReport;
import org.narformer.model.Checkpoints;

/**
 * The protocol on real NAS-Bench-201 data, shrunk: train on the first 200 cells, select on the next 50, 10 epochs
 * of a 2-layer d-64 model. Kendall τ over the 15,375 never-seen cells must rise well above the untrained model's.
 */
class NasBenchProtocolIT {
    @TempDir
    Path tmp;

    @Test
    void shortRunRaisesHeldOutTauAndRecordsTheCurve() throws Exception {
        Optional<DataDirectory> dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "NAS-Bench-201 data not found (../shared/data or NARFORMER_DATA)");
        NasBenchConfig config = NasBenchConfig.of(null, Map.of("trainCount", 200, "validationCount", 50,
                "epochs", 10, "layers", 2, "hiddenDim", 64, "learningRate", 1e-3, "allEvery", 0,
                "showProgress", false));
        Path runDir = tmp.resolve("run");
        NasBenchRun run = NasBenchProtocol.train(config, dir.get(), runDir, List.of("test"));

        List<TauPoint> curve = run.curve();
        assertEquals(11, curve.size(), "epoch 0 and 10 epochs");
        double untrained = curve.get(0).allTau();
        assertTrue(Double.isNaN(curve.get(5).allTau()), "allEvery 0: tau on all only at epoch 0 and the end");
        assertTrue(curve.get(10).trainLoss() < curve.get(1).trainLoss(), "loss must fall: " + curve);
        assertEquals(10L * 25, curve.get(10).steps(), "200 cells / batch 8 = 25 steps per epoch");
        assertTrue(run.result().bestEpoch() >= 1 && run.result().bestEpoch() <= 10);

        NasBenchEvaluation evaluation = NasBenchProtocol.evaluate(runDir, dir.get(), false);
        EvaluationReport report = evaluation.report();
        assertEquals(15_625, report.overall().count());
        assertEquals(200, report.groups().get(NasBenchCells.TRAIN).count());
        assertEquals(50, report.groups().get(NasBenchCells.VALIDATION).count());
        double heldOut = report.groups().get(NasBenchCells.UNSEEN).kendallTau();
        System.out.printf("NB201 200 train / 50 validation, 10 epochs d64: tau untrained %.3f -> unseen %.3f "
                + "(all %.3f, best epoch %d)%n", untrained, heldOut, report.overall().kendallTau(),
                run.result().bestEpoch());
        assertTrue(heldOut > untrained + 0.15 && heldOut > 0.15, "held-out tau must rise: " + untrained + " -> "
                + heldOut);
        // the reloaded checkpoint scores exactly as it did when training selected it
        assertEquals(run.result().bestAllTau(), report.overall().kendallTau(), 0.0);
        assertTrue(Files.readString(runDir.resolve(ArtifactManifest.FILE)).contains("\"secondsPerIteration\""));
    }

    @Test
    void resumeContinuesACrashedRunAndRefusesAFinishedOne() throws Exception {
        Optional<DataDirectory> dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "NAS-Bench-201 data not found (../shared/data or NARFORMER_DATA)");
        NasBenchConfig config = NasBenchConfig.of(null, Map.of("trainCount", 40, "validationCount", 20,
                "epochs", 2, "layers", 1, "hiddenDim", 32, "allEvery", 1, "showProgress", false));
        Path runDir = tmp.resolve("run");
        NasBenchProtocol.train(config, dir.get(), runDir, List.of("test"));
        BadInputException finished = assertThrows(BadInputException.class,
                () -> NasBenchProtocol.resume(runDir, dir.get(), List.of("resume")));
        assertTrue(finished.getMessage().contains("already finished"), finished.getMessage());

        // a run that died after its last checkpoint but before writing its result
        Path manifestFile = runDir.resolve(ArtifactManifest.FILE);
        Map<String, Object> manifest = new LinkedHashMap<>(Checkpoints.json().readValue(manifestFile.toFile(),
                new TypeReference<Map<String, Object>>() { }));
        manifest.remove("result");
        manifest.put("progress", new RunProgress(10, 3, 40.0, 8, 50.0).toMap());
        ArtifactManifest.write(manifestFile, manifest);
        NasBenchRun resumed = NasBenchProtocol.resume(runDir, dir.get(), List.of("resume"));
        assertEquals(3, resumed.curve().size(), "the curve of the first process is kept");
        assertEquals(2 * 5L, resumed.curve().get(2).steps());
        RunProgress carried = resumed.result().progress();
        assertEquals(3, carried.skippedSteps(), "skipped steps of the earlier process are kept");
        assertEquals(40.0, carried.trainingSeconds(), 0.0, "its training time too");
        assertEquals(5.0, carried.secondsPerIteration(), 0.0);
        String written = Files.readString(manifestFile);
        assertTrue(written.contains("\"resumes\"") && written.contains("\"result\""), written);

        BadInputException notARun = assertThrows(BadInputException.class,
                () -> NasBenchProtocol.resume(tmp.resolve("nothing"), dir.get(), List.of()));
        assertTrue(notARun.getMessage().contains("not a training run"), notARun.getMessage());
    }
}
