package org.narformer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;
import org.narformer.experiment.LatencyPredictor;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImportConfig;
import org.narformer.onnx.OnnxImporter;
import org.narformer.train.NasBenchConfig;
import org.narformer.train.NasBenchModel;
import org.narformer.train.NasBenchProtocol;

/**
 * The service end to end over a real socket: the shipped latency predictor and a tiny NB201 model trained here
 * answer exactly what the library gives for the same network and cells; bad requests get their status and a
 * located message.
 */
class PredictionServerIT {
    private static final Path SHIPPED = Path.of("../predictors/zoo-cpu1-v2/best");
    private static final Path NETWORK = Path.of("../examples/resnet18-base.onnx");
    private static final String CELL = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|"
            + "nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersAsTheLibraryDoes(@TempDir Path tmp) throws Exception {
        Path run = trainTinyNb201(tmp);
        HttpClient client = HttpClient.newHttpClient();
        try (LatencyPredictor latency = LatencyPredictor.load(SHIPPED);
             NasBenchModel accuracy = NasBenchModel.open(run);
             PredictionServer server = new PredictionServer(new InetSocketAddress("127.0.0.1", 0), latency, accuracy,
                     Map.of("tool", "narformer"))) {
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok", JSON.readTree(health.body()).get("status").asText());

            HttpResponse<String> lat = post(client, base + "/latency?batch=2", Files.readAllBytes(NETWORK));
            assertEquals(200, lat.statusCode(), lat.body());
            NetworkGraph graph = OnnxImporter.read(NETWORK, OnnxImportConfig.defaults().withBatchSize(2));
            double expected = latency.predictMs(List.of(latency.tokenize(graph, 2)))[0];
            JsonNode answer = JSON.readTree(lat.body());
            assertEquals(expected, answer.get("latencyMs").asDouble(), 0.0);
            assertEquals(graph.nodeCount(), answer.get("nodes").asInt());
            assertEquals(2, answer.get("batchSize").asInt());

            HttpResponse<String> acc = post(client, base + "/accuracy", ("# a comment\n" + CELL + "\n").getBytes());
            assertEquals(200, acc.statusCode(), acc.body());
            float direct = accuracy.predictCells(List.of(accuracy.space().parse(CELL, "test")), false)[0];
            JsonNode row = JSON.readTree(acc.body()).get("predictions").get(0);
            assertEquals(CELL, row.get("cell").asText());
            assertEquals(direct, row.get("accuracy").asDouble(), 1e-7);

            HttpResponse<String> garbage = post(client, base + "/latency", new byte[] {1, 2, 3});
            assertEquals(400, garbage.statusCode());
            assertTrue(JSON.readTree(garbage.body()).get("error").asText().contains("request body"), garbage.body());
            HttpResponse<String> badCell = post(client, base + "/accuracy", "|conv~0|\n".getBytes());
            assertEquals(400, badCell.statusCode());
            assertTrue(badCell.body().contains("line 1"), badCell.body());
            assertEquals(400, post(client, base + "/latency?batch=0", Files.readAllBytes(NETWORK)).statusCode());
            assertEquals(400, post(client, base + "/latency", new byte[0]).statusCode());
            assertEquals(404, post(client, base + "/nothing", new byte[0]).statusCode());
            assertEquals(405, client.send(HttpRequest.newBuilder(URI.create(base + "/latency")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void withoutAnAccuracyModelAccuracyIs404() throws Exception {
        try (LatencyPredictor latency = LatencyPredictor.load(SHIPPED);
             PredictionServer server = new PredictionServer(new InetSocketAddress("127.0.0.1", 0), latency, null,
                     Map.of())) {
            HttpResponse<String> r = post(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port()
                    + "/accuracy", CELL.getBytes());
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("--accuracy"), r.body());
        }
    }

    private static HttpResponse<String> post(HttpClient client, String url, byte[] body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path trainTinyNb201(Path tmp) throws IOException {
        var data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "../shared/data not found: skipping");
        Path run = tmp.resolve("run");
        NasBenchProtocol.train(NasBenchConfig.of(null, Map.of("trainCount", 40, "validationCount", 10,
                "layers", 1, "hiddenDim", 16, "epochs", 1, "allEvery", 0, "showProgress", false)), data.get(), run,
                List.of("test"));
        return run;
    }
}
