package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InspectCommandIT {
    @TempDir
    Path tmp;

    private static Path resnet18() {
        Optional<DataDirectory> data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        return data.get().file("onnx/resnet18-v1-7-no-weight.onnx");
    }

    @Test
    void jsonCarriesTheGoldenNumbers() throws IOException {
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--json", resnet18().toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode net = new ObjectMapper().readTree(r.out()).get("networks").get(0);
        assertEquals(70, net.get("nodeCount").asInt());
        assertEquals(77, net.get("edgeCount").asInt());
        assertEquals(3_636_354_048.0, net.get("flops").asDouble());
        assertEquals(11_699_112.0, net.get("paramCount").asDouble());
        assertEquals(19_930_000.0, net.get("memoryAccess").asDouble());
        assertEquals(1799.2278, net.get("tokenSum").asDouble(), 1e-3);
        assertEquals(18.726, net.get("staticSum").asDouble(), 1e-3);
        assertEquals(20, net.get("opHistogram").get("Conv").asInt());
        assertEquals("[1x3x224x224]", net.get("inputShapes").elements().next().asText());
    }

    @Test
    void tableNamesEveryNetwork() {
        CliTestSupport.Run r = CliTestSupport.run("inspect", resnet18().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("resnet18-v1-7-no-weight.onnx"), r.out());
        assertTrue(r.out().contains("3.636"), r.out());
        assertTrue(r.out().contains("Conv 20"), r.out());
    }

    @Test
    void aBadFileAloneIsExitCode3WithOneLineAndNoStackTrace() throws IOException {
        Path notOnnx = Files.writeString(tmp.resolve("notes.onnx"), "this is not a protobuf\n");
        CliTestSupport.Run r = CliTestSupport.run("inspect", notOnnx.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("narformer: " + notOnnx), lines[0]);
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aBatchGoesPastBadFilesAndReportsPartialFailure() throws IOException {
        byte[] good = Files.readAllBytes(resnet18());
        Path truncated = Files.write(tmp.resolve("truncated.onnx"), Arrays.copyOf(good, good.length / 3));
        Path missing = tmp.resolve("missing.onnx");
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--json", truncated.toString(), resnet18().toString(),
                missing.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), r.exitCode());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(1, doc.get("networks").size());
        assertEquals(2, doc.get("errors").size());
        assertTrue(doc.get("errors").get(missing.toString()).asText().contains("no such file"));
        assertTrue(r.err().contains(truncated.toString()), r.err());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path notOnnx = Files.writeString(tmp.resolve("x.onnx"), "garbage");
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--verbose", notOnnx.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
