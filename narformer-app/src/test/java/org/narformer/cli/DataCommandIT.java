package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.narformer.data.DataDirectory;
import org.narformer.data.DataFile;

/** {@code narformer data} on the real data directory: every file OK with its published row count. */
class DataCommandIT {
    @Test
    void everyRealFileIsValid() throws Exception {
        DataDirectory dir = DataDirectory.find(null).orElse(null);
        Assumptions.assumeTrue(dir != null, "real data not found: set NARFORMER_DATA or put it at ../shared/data");
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.root().toString(), "--json");
        assertEquals(ExitCode.OK.code(), r.exitCode(), r.err());
        JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
        assertEquals(DataFile.values().length, files.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals("OK", files.get(i).get("status").asText(), files.get(i).toString());
            assertEquals(DataFile.values()[i].publishedRows(), files.get(i).get("rows").asInt());
        }
        JsonNode nnlqp = files.get(DataFile.NNLQP.ordinal());
        assertEquals(18_000, nnlqp.get("stages").get("train").asInt());
        assertEquals(2_000, nnlqp.get("stages").get("test").asInt());
        assertEquals(10, nnlqp.get("groups").size());
        assertEquals(27, files.get(DataFile.HELP_FBNET.ordinal()).get("targets").size());
        double ceiling = files.get(DataFile.NB201.ordinal()).get("labelAgreement").get("validation ~ test").asDouble();
        assertTrue(ceiling > 0.85 && ceiling < 0.92, "NB201 CIFAR-10 validation vs test accuracy: τ " + ceiling);
        assertTrue(r.err().isEmpty(), r.err());
    }
}
