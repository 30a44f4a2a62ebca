package org.narformer.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.narformer.BadInputException;
import org.narformer.NarFormerException;
import org.narformer.experiment.LatencyPredictor;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImportConfig;
import org.narformer.onnx.OnnxImporter;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;
import org.narformer.train.NasBenchModel;

/**
 * The prediction service: an HTTP/1.1 server (the JDK's {@link HttpServer}) in front of a latency predictor and,
 * optionally, a NAS-Bench accuracy checkpoint. Every answer is JSON.
 * <ul>
 *   <li>{@code POST /latency?batch=N} — body: an ONNX file; answer {@code {"latencyMs", "nodes", "gflops",
 *       "batchSize"}}.</li>
 *   <li>{@code POST /accuracy} — body: NAS-Bench cells as text, one per line (as {@code narformer predict});
 *       answer {@code {"predictions": [{"cell", "accuracy"}]}}.</li>
 *   <li>{@code GET /health} — {@code {"status": "ok"}}; {@code GET /info} — what is loaded and how it was trained.</li>
 * </ul>
 * Bad input (an unreadable network, an unknown cell) is answered 400 with the located message of the CLI; a body over
 * {@link #MAX_BODY_BYTES}, 413; a route that does not exist, 404; a wrong method, 405. Predictions are serialised
 * (one at a time: the models use every core themselves); requests are read on a small pool of threads.
 */
public final class PredictionServer implements AutoCloseable {
    /** The largest request body accepted: 1 GiB (an ONNX file with its weights). */
    public static final long MAX_BODY_BYTES = 1L << 30;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HttpServer http;
    private final ExecutorService pool;
    private final LatencyPredictor latency;
    private final NasBenchModel accuracy;
    private final Map<String, Object> info;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts serving on {@code address} (port 0: any free port, see {@link #port()}).
     *
     * @param latency  the latency predictor
     * @param accuracy a NAS-Bench accuracy model, or null (then {@code /accuracy} answers 404)
     * @param info     what {@code GET /info} reports (the predictors' directories, records, the build)
     */
    public PredictionServer(InetSocketAddress address, LatencyPredictor latency, NasBenchModel accuracy,
                            Map<String, Object> info) throws IOException {
        this.latency = latency;
        this.accuracy = accuracy;
        this.info = Map.copyOf(info);
        this.http = HttpServer.create(address, 0);
        this.pool = Executors.newFixedThreadPool(4);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                switch (path) {
                    case "/health" -> answer(exchange, 200, expect(method, "GET", Map.of("status", "ok")));
                    case "/info" -> answer(exchange, 200, expect(method, "GET", info));
                    case "/latency" -> answer(exchange, 200, latency(exchange, method));
                    case "/accuracy" -> answer(exchange, 200, accuracy(exchange, method));
                    default -> answer(exchange, 404, error("no route " + path + ": use POST /latency, POST /accuracy, "
                            + "GET /health or GET /info"));
                }
            } catch (HttpError e) {
                answer(exchange, e.status, error(e.getMessage()));
            } catch (NarFormerException e) {
                answer(exchange, 400, error(e.getMessage()));
            } catch (RuntimeException e) {
                answer(exchange, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private Map<String, Object> latency(HttpExchange exchange, String method) throws IOException {
        expect(method, "POST", null);
        int batch = batchSize(exchange.getRequestURI());
        byte[] body = body(exchange);
        if (body.length == 0) {
            throw new HttpError(400, "empty body: POST the bytes of an ONNX file");
        }
        NetworkGraph graph = OnnxImporter.read(body, "request body", OnnxImportConfig.defaults().withBatchSize(batch));
        double ms;
        synchronized (this) {
            ms = latency.predictMs(List.of(latency.tokenize(graph, batch)))[0];
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("latencyMs", ms);
        answer.put("nodes", graph.nodeCount());
        answer.put("gflops", StaticFeatures.of(graph, StaticFeatureMode.REFERENCE).flops() / 1e9);
        answer.put("batchSize", batch);
        return answer;
    }

    private Map<String, Object> accuracy(HttpExchange exchange, String method) throws IOException {
        expect(method, "POST", null);
        if (accuracy == null) {
            throw new HttpError(404, "no accuracy model loaded: start the server with --accuracy DIR");
        }
        String[] lines = new String(body(exchange), StandardCharsets.UTF_8).split("\\R");
        List<String> cells = new ArrayList<>();
        List<NetworkGraph> graphs = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String cell = lines[i].strip();
            if (!cell.isEmpty() && !cell.startsWith("#")) {
                graphs.add(accuracy.space().parse(cell, "request body line " + (i + 1)));
                cells.add(cell);
            }
        }
        if (cells.isEmpty()) {
            throw new HttpError(400, "no cells: POST one NAS-Bench cell per line");
        }
        float[] predicted;
        synchronized (this) {
            predicted = accuracy.predictCells(graphs, false);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            rows.add(Map.of("cell", cells.get(i), "accuracy", (double) predicted[i]));
        }
        return Map.of("space", accuracy.space().name(), "predictions", rows);
    }

    private static int batchSize(URI uri) {
        String query = uri.getQuery();
        if (query == null) {
            return 1;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("batch=")) {
                try {
                    int batch = Integer.parseInt(pair.substring("batch=".length()));
                    if (batch >= 1) {
                        return batch;
                    }
                } catch (NumberFormatException e) {
                    // answered below
                }
                throw new BadInputException("query", "batch", "must be a whole number of at least 1: '"
                        + pair.substring("batch=".length()) + "'");
            }
        }
        return 1;
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw new HttpError(413, "body over " + MAX_BODY_BYTES + " bytes");
                }
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        }
    }

    private static <T> T expect(String method, String allowed, T answer) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " not allowed here: use " + allowed);
        }
        return answer;
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, lets the running ones finish (up to 2 s) and releases the thread pool. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.stop(2);
            pool.shutdown();
        }
    }

    /** An answer other than 200 or 400. */
    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
