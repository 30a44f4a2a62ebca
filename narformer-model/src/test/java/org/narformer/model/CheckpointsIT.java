package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;
import org.narformer.tokenizer.TokenizedGraph;

class CheckpointsIT {
    private static final V2Config SMALL = V2Config.nnlqp().withSize(2, 32);

    @TempDir
    Path tmp;

    private Path writeSmall(Path dir, List<TokenizedGraph> graphs, float[] expected) throws IOException {
        try (V2Model model = V2Model.create(SMALL, 9)) {
            System.arraycopy(model.predict(graphs, 4), 0, expected, 0, expected.length);
            Checkpoints.write(dir, model, Checkpoints.manifest(SMALL, Map.of("master", 9L), Map.of(),
                    Map.of("description", "synthetic"), 3, 42, Map.of("eval.mape", 0.25)), null);
        }
        return dir;
    }

    @Test
    void saveThenLoadGivesIdenticalPredictionsAndProvenance() throws IOException {
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(7, 3, 15, SMALL.tokenDim(), SMALL.staticDim(), 2);
        float[] expected = new float[graphs.size()];
        Path dir = writeSmall(tmp.resolve("ckpt"), graphs, expected);
        // overwrite in place: the directory is replaced atomically, no temporary directory left behind
        writeSmall(dir, graphs, expected);
        try (var listing = Files.list(tmp)) {
            assertEquals(List.of(dir), listing.toList());
        }
        CheckpointManifest manifest = Checkpoints.readManifest(dir);
        assertEquals(SMALL, manifest.model());
        assertEquals(Checkpoints.FORMAT_VERSION, manifest.formatVersion());
        assertEquals(3, manifest.epoch());
        assertEquals(0.25, manifest.metrics().get("eval.mape"));
        assertEquals(9L, manifest.seeds().get("master"));
        assertTrue(manifest.environment().get("engine").startsWith("PyTorch"), manifest.environment().toString());
        assertTrue(manifest.environment().containsKey("djl"));
        try (V2Model loaded = Checkpoints.loadModel(dir)) {
            assertArrayEquals(expected, loaded.predict(graphs, 4));
        }
        try (LoadedCheckpoint<?> opened = LoadedCheckpoint.open(dir)) {
            assertEquals(new V2Family(SMALL), opened.family());
            assertEquals(3, opened.record().epoch());
            assertArrayEquals(expected, opened.model().predict(graphs, 4));
        }
    }

    @Test
    void multiOutputConfigRoundTripsAndOlderManifestsReadAsOneOutput() throws IOException {
        V2Config three = SMALL.withOutputs(3);
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(3, 3, 6, SMALL.tokenDim(), SMALL.staticDim(), 8);
        Path dir = tmp.resolve("three");
        try (V2Model model = V2Model.create(three, 5)) {
            Checkpoints.write(dir, model, Checkpoints.manifest(three, Map.of(), Map.of(), Map.of(), 1, 1, Map.of()),
                    null);
            try (LoadedCheckpoint<?> opened = LoadedCheckpoint.open(dir)) {
                assertEquals(3, opened.model().outputs());
                assertArrayEquals(model.predictOutputs(graphs, 4)[2], opened.model().predictOutputs(graphs, 4)[2]);
            }
        }
        assertEquals(1, Checkpoints.json().convertValue(Map.of("tokenDim", 8, "hiddenDim", 16, "layers", 1,
                "ffnRatio", 4, "groups", 8, "dropout", 0.0, "layerScaleInit", 1e-4, "useDegree", true,
                "readout", "SUM_WITH_STATIC", "staticDim", 4), V2Config.class).outputs(), "no 'outputs' key");
    }

    /**
     * A format-1 checkpoint written by the first version; every later build must still load it unchanged. The
     * expected predictions were computed on an AMD processor; other processors' kernels round differently in the last
     * bits, so they are compared to 1e-6 relative.
     */
    @Test
    void formatVersionOneFixtureStillLoadsWithIdenticalPredictions() throws Exception {
        Path fixture = Path.of(CheckpointsIT.class.getResource("checkpoint-v1").toURI());
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(4, 3, 9, 8, 4, 77);
        List<String> lines = Files.readAllLines(fixture.resolve("expected-predictions.txt"));
        float[] expected = new float[lines.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Float.intBitsToFloat(Integer.parseInt(lines.get(i)));
        }
        try (V2Model model = Checkpoints.loadModel(fixture)) {
            assertEquals(1, Checkpoints.readManifest(fixture).formatVersion());
            float[] predicted = model.predict(graphs, 4);
            assertEquals(expected.length, predicted.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], predicted[i], 1e-6f * Math.abs(expected[i]), "prediction " + i);
            }
        }
    }

    @Test
    void corruptParametersAreRejectedNamingTheFile() throws IOException {
        Path dir = writeSmall(tmp.resolve("ckpt"), List.of(), new float[0]);
        Path params = dir.resolve(Checkpoints.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> Checkpoints.loadModel(dir));
        assertTrue(e.getMessage().startsWith(params.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
        BadInputException opened = assertThrows(BadInputException.class, () -> LoadedCheckpoint.open(dir));
        assertEquals(e.getMessage(), opened.getMessage());
    }

    @Test
    void unknownFormatVersionIsRejectedNamingTheFile() throws IOException {
        Path dir = writeSmall(tmp.resolve("ckpt"), List.of(), new float[0]);
        Path manifest = dir.resolve(Checkpoints.MANIFEST);
        String json = Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
        Files.writeString(manifest, json);
        BadInputException e = assertThrows(BadInputException.class, () -> Checkpoints.loadModel(dir));
        assertTrue(e.getMessage().startsWith(manifest.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unknown checkpoint format version 99"), e.getMessage());
    }

    @Test
    void truncatedManifestAndMissingDirectoryAreRejected() throws IOException {
        Path dir = writeSmall(tmp.resolve("ckpt"), List.of(), new float[0]);
        Path manifest = dir.resolve(Checkpoints.MANIFEST);
        Files.write(manifest, "{\"formatVersion\" : 1, \"model\" : {".getBytes(StandardCharsets.UTF_8));
        BadInputException e = assertThrows(BadInputException.class, () -> Checkpoints.loadModel(dir));
        assertTrue(e.getMessage().startsWith(manifest.toString()) && e.getMessage().contains("corrupt manifest"),
                e.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> Checkpoints.loadModel(tmp.resolve("nothing")));
        assertTrue(missing.getMessage().contains("not a checkpoint"), missing.getMessage());
    }
}
