package org.narformer.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.narformer.onnx.OnnxImporter;
import org.narformer.tokenizer.GraphTokenizer;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.WholeNetworkTokenizer;

/**
 * Measures the full encode of a network — ONNX bytes in memory → parse → graph IR with shape inference →
 * V2 tokens and static features — the unit the reference reports as 2.4 ms per network. Each file is
 * encoded {@code warmup} times untimed, then {@code runs} times timed; the result gives the median and the
 * 10th/90th percentiles.
 */
public final class EncodeBenchmark {
    private final int warmup;
    private final int runs;
    private final GraphTokenizer tokenizer = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults());

    /** Timing of one file, in milliseconds. */
    public record Result(String file, int nodeCount, int runs, double medianMs, double p10Ms, double p90Ms) { }

    public EncodeBenchmark(int warmup, int runs) {
        if (warmup < 0 || runs < 1) {
            throw new IllegalArgumentException("warmup >= 0 and runs >= 1 required");
        }
        this.warmup = warmup;
        this.runs = runs;
    }

    public Result measure(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.toString();
        TokenizedGraph first = encode(bytes, name);
        double sink = first.tokens()[0];
        for (int i = 0; i < warmup; i++) {
            sink += encode(bytes, name).tokens()[0];
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            TokenizedGraph t = encode(bytes, name);
            nanos[i] = System.nanoTime() - t0;
            sink += t.tokens()[0];
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN token in " + name);
        }
        Arrays.sort(nanos);
        return new Result(name, first.nodeCount(), runs, percentile(nanos, 0.5), percentile(nanos, 0.1),
                percentile(nanos, 0.9));
    }

    private TokenizedGraph encode(byte[] bytes, String name) {
        return tokenizer.tokenize(OnnxImporter.read(bytes, name));
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
