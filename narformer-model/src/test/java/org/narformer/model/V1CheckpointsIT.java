package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;

class V1CheckpointsIT {
    @TempDir
    Path tmp;

    @Test
    void v1CheckpointLoadsBackExactlyAndTheV2LoaderRefusesIt() throws IOException {
        List<TokenizedGraph> graphs = SyntheticGraphs.randomList(6, 5, 9, 192, 0, 8);
        Path dir = tmp.resolve("v1");
        float[] expected;
        try (V1Model model = V1Model.create(V1Config.defaults(), V1CellTokenizer.of(CellSpace.NB201), 6)) {
            expected = model.predict(graphs, 4);
            V1Checkpoints.write(dir, model, new CheckpointRecord(Map.of(), Map.of(), Map.of(), 3, 30, Map.of()), null);
        }
        try (V1Model back = V1Checkpoints.load(dir)) {
            assertArrayEquals(expected, back.predict(graphs, 4), 0f);
            assertEquals(V1Config.defaults(), back.config());
            assertEquals(3, V1Checkpoints.record(dir).epoch());
            assertEquals(30, V1Checkpoints.record(dir).step());
            assertTrue(ModelFamily.of(dir) instanceof V1Family, "the family is read from the manifest");
        }
        BadInputException refused = assertThrows(BadInputException.class, () -> Checkpoints.loadModel(dir));
        assertTrue(refused.getMessage().contains("narformer-v1 checkpoint"), refused.getMessage());
    }

    @Test
    void v2CheckpointIsRefusedByTheV1Loader() throws IOException {
        Path dir = tmp.resolve("v2");
        V2Config small = V2Config.nnlqp().withSize(2, 32);
        try (V2Model model = V2Model.create(small, 9)) {
            Checkpoints.write(dir, model, Checkpoints.manifest(small, Map.of("master", 9L), Map.of(), Map.of(), 1, 1,
                    Map.of()), null);
        }
        Checkpoints.loadModel(dir).close();
        BadInputException refused = assertThrows(BadInputException.class, () -> V1Checkpoints.load(dir));
        assertTrue(refused.getMessage().contains("V2 / NNLP checkpoint, not a V1 one"), refused.getMessage());
    }

    @Test
    void corruptV1ParametersAreRejectedNamingTheFile() throws IOException {
        Path dir = tmp.resolve("v1");
        try (V1Model model = V1Model.create(V1Config.defaults(), V1CellTokenizer.of(CellSpace.NB101), 6)) {
            V1Checkpoints.write(dir, model, new CheckpointRecord(null, null, null, 0, 0, null), null);
        }
        Path params = dir.resolve(Checkpoints.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 1;
        Files.write(params, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> V1Checkpoints.load(dir));
        assertTrue(e.getMessage().contains("parameters.bin"), e.getMessage());
    }
}
