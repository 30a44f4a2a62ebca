package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.BadInputException;

class NasBenchConfigTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheOfficialNb201Script() {
        NasBenchConfig c = NasBenchConfig.defaults();
        assertEquals(NasBenchSpace.NB201, c.space());
        assertEquals(781, c.trainCount());
        assertEquals(200, c.validationCount());
        TrainConfig t = c.training();
        assertEquals(1000, t.epochs());
        assertEquals(8, t.batchSize());
        assertEquals(1e-4f, t.learningRate());
        assertEquals(0.1, t.warmupRate());
        assertEquals(0.1f, t.lambdaSr());
        assertEquals(0.5f, t.lambdaCons());
        assertEquals(SelectionSet.VALIDATION, t.selectionSet());
        assertEquals(6, c.model().layers());
        assertEquals(512, c.model().hiddenDim());
        assertEquals(128, c.model().tokenDim());
    }

    @Test
    void fileOverridesDefaultsAndOptionsOverrideTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.json"), "{\"space\":\"nb101\",\"trainCount\":424,\"epochs\":5}");
        Map<String, Object> options = new HashMap<>();
        options.put("epochs", 7);
        options.put("seed", null);
        options.put("selectOn", "test");
        NasBenchConfig c = NasBenchConfig.of(file, options);
        assertEquals(NasBenchSpace.NB101, c.space());
        assertEquals(424, c.trainCount());
        assertEquals(7, c.epochs());
        assertEquals(1234, c.seed());
        assertEquals(SelectionSet.BEST_ON_TEST_REFERENCE, c.training().selectionSet());
        assertEquals(c, NasBenchConfig.fromMap(c.toMap(), "manifest"));
    }

    @Test
    void badFieldsNameTheFileAndField() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.json"), "{\n\"trainCount\": 100,\n\"epohcs\": 3\n}");
        BadInputException unknown = assertThrows(BadInputException.class, () -> NasBenchConfig.of(file, Map.of()));
        assertTrue(unknown.getMessage().startsWith(file + ": field 'epohcs': unknown"), unknown.getMessage());
        Path negative = Files.writeString(tmp.resolve("n.json"), "{\"trainCount\": -1}");
        BadInputException invalid = assertThrows(BadInputException.class, () -> NasBenchConfig.of(negative, Map.of()));
        assertTrue(invalid.getMessage().contains("trainCount must be positive"), invalid.getMessage());
        BadInputException space = assertThrows(BadInputException.class,
                () -> NasBenchConfig.of(null, Map.of("space", "nb301")));
        assertTrue(space.getMessage().startsWith("options"), space.getMessage());
    }

    @Test
    void cellsParseInTheirSpaceWithLocatedErrors() {
        assertEquals(8, NasBenchSpace.NB201.parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|"
                + "nor_conv_1x1~1|none~2|", "arg").nodeCount());
        assertEquals(7, NasBenchSpace.NB101.parse("100110100001001010101:-1,0,2,0,0,1,-2", "arg").nodeCount());
        BadInputException e = assertThrows(BadInputException.class,
                () -> NasBenchSpace.NB201.parse("|conv~0|", "argument 2"));
        assertTrue(e.getMessage().startsWith("argument 2"), e.getMessage());
        BadInputException noColon = assertThrows(BadInputException.class,
                () -> NasBenchSpace.NB101.parse("1001", "argument 1"));
        assertTrue(noColon.getMessage().contains("ADJ_UPPER_BITS:LABELS"), noColon.getMessage());
    }
}
