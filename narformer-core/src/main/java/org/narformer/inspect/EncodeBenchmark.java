package org.narformer.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import org.narformer.BadInputException;

import org.narformer.onnx.OnnxImporter;
import org.narformer.tokenizer.GraphTokenizer;
import org.narformer.tokenizer.NetworkTokenizerConfig;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.WholeNetworkTokenizer;

/**
 * Measures the full encode of a network — ONNX bytes in memory → parse → graph IR with shape inference →
 * V2 tokens and static features — the unit the reference reports as 2.4 ms per network. Every file is
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

    /**
     * Times every file. Warm-up and timed runs go round-robin over all files, so each file is timed with the JIT
     * in the same state (timing files one after another lets the code compiled for one file be deoptimised by the
     * next, which showed as 10× swings). A file that fails is reported by {@code onFailure} and skipped.
     */
    public List<Result> measure(List<Path> files, BiConsumer<Path, BadInputException> onFailure) {
        List<Path> good = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] b = Files.readAllBytes(file);
                nodes.add(encode(b, file.toString()).nodeCount());
                good.add(file);
                bytes.add(b);
            } catch (NoSuchFileException e) {
                onFailure.accept(file, new BadInputException(file.toString(), null, "no such file"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BadInputException e) {
                onFailure.accept(file, e);
            }
        }
        double sink = 0;
        for (int round = 0; round < warmup; round++) {
            for (int f = 0; f < good.size(); f++) {
                sink += encode(bytes.get(f), good.get(f).toString()).tokens()[0];
            }
        }
        long[][] nanos = new long[good.size()][runs];
        for (int round = 0; round < runs; round++) {
            for (int f = 0; f < good.size(); f++) {
                long t0 = System.nanoTime();
                TokenizedGraph t = encode(bytes.get(f), good.get(f).toString());
                nanos[f][round] = System.nanoTime() - t0;
                sink += t.tokens()[0];
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN token");
        }
        List<Result> results = new ArrayList<>();
        for (int f = 0; f < good.size(); f++) {
            long[] sorted = nanos[f];
            Arrays.sort(sorted);
            results.add(new Result(good.get(f).toString(), nodes.get(f), runs, percentile(sorted, 0.5),
                    percentile(sorted, 0.1), percentile(sorted, 0.9)));
        }
        return results;
    }

    private TokenizedGraph encode(byte[] bytes, String name) {
        return tokenizer.tokenize(OnnxImporter.read(bytes, name));
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
