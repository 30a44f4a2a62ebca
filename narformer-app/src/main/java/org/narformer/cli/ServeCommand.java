package org.narformer.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.narformer.experiment.LatencyPredictor;
import org.narformer.server.PredictionServer;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.NasBenchModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer serve}: the prediction service over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve predictions over HTTP (JSON answers) until stopped (Ctrl-C):",
                "  POST /latency?batch=N   body: an ONNX file -> {latencyMs, nodes, gflops, batchSize}",
                "  POST /accuracy          body: NAS-Bench cells, one per line -> {space, predictions: [{cell, accuracy}]}",
                "  GET  /health, GET /info",
                "e.g. curl --data-binary @examples/resnet18-base.onnx http://127.0.0.1:8080/latency",
                "Bad input is answered 400 with the located message of the CLI."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--predictor", paramLabel = "DIR",
            description = "Latency predictor (default: " + ProjectPaths.DEFAULT_PREDICTOR + ", shipped in predictors/).")
    Path predictor;

    @Option(names = "--accuracy", paramLabel = "DIR",
            description = "A NAS-Bench checkpoint or run directory of 'narformer train' for POST /accuracy (default: none).")
    Path accuracy;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path latencyDir = NasBenchModel.resolve(predictor != null ? predictor
                : ProjectPaths.predictors().resolve(ProjectPaths.DEFAULT_PREDICTOR));
        try (LatencyPredictor latency = LatencyPredictor.load(latencyDir);
             NasBenchModel nasBench = accuracy == null ? null : NasBenchModel.open(accuracy)) {
            Map<String, Object> info = ArtifactManifest.head("prediction-service", CommandLines.of(spec));
            Map<String, Object> latencyInfo = new LinkedHashMap<>();
            latencyInfo.put("directory", latencyDir.toAbsolutePath().toString());
            latencyInfo.put("input", latency.input().toRecord());
            latencyInfo.put("trainedOn", latency.record().data());
            latencyInfo.put("epoch", latency.record().epoch());
            latencyInfo.put("validation", latency.record().metrics());
            info.put("latency", latencyInfo);
            if (nasBench != null) {
                info.put("accuracy", Map.of("directory", nasBench.checkpoint().toAbsolutePath().toString(),
                        "space", nasBench.space().name(), "protocol", nasBench.config().toMap()));
            }
            CountDownLatch stopped = new CountDownLatch(1);
            try (PredictionServer server = new PredictionServer(new InetSocketAddress(host, port), latency, nasBench,
                    info)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }));
                System.out.printf("serving on http://%s:%d (latency predictor %s%s); Ctrl-C stops%n", host,
                        server.port(), latencyDir, nasBench == null ? "" : ", accuracy " + nasBench.checkpoint());
                stopped.await();
            }
        }
        return ExitCode.OK.code();
    }
}
