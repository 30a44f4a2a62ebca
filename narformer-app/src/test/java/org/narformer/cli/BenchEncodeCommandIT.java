package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BenchEncodeCommandIT {
    @Test
    void reportsOrderedPercentilesPerNetworkAndTheMachine() throws IOException {
        Optional<DataDirectory> data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        Path resnet = data.get().file("onnx/resnet18-v1-7-no-weight.onnx");
        CliTestSupport.Run r = CliTestSupport.run("bench", "encode", "--json", "--warmup", "1", "--runs", "5",
                resnet.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode res = doc.get("results").get(0);
        assertEquals(70, res.get("nodeCount").asInt());
        assertEquals(5, res.get("runs").asInt());
        double p10 = res.get("p10Ms").asDouble();
        double median = res.get("medianMs").asDouble();
        double p90 = res.get("p90Ms").asDouble();
        assertTrue(p10 > 0 && p10 <= median && median <= p90, res.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), doc.get("machine").get("cores").asInt());
    }
}
