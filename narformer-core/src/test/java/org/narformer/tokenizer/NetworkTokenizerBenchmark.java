package org.narformer.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImporter;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;

/**
 * Not a test: prints, for every ONNX file in the data directory, node count, static features in both modes, and
 * the median time of a full encode (ONNX bytes → {@link TokenizedGraph}, V2 tokenizer, batch 1) after warm-up.
 * Run from the project root after {@code mvn -B -q -pl narformer-core test-compile}:
 * <pre>{@code java -cp narformer-core/target/classes:narformer-core/target/test-classes:$(cat /tmp/core.cp) \
 *     org.narformer.tokenizer.NetworkTokenizerBenchmark [repetitions]}</pre>
 */
public final class NetworkTokenizerBenchmark {
    private NetworkTokenizerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = DataDirectory.resolve(null).file("onnx/resnet18-noweight.onnx").getParent();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        GraphTokenizer tokenizer = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults());
        System.out.printf("%-34s %5s %5s | %15s %12s %12s | %15s %12s %12s | %9s%n", "file", "nodes", "edges",
                "FLOPs(ref)", "params(ref)", "memAcc(ref)", "FLOPs(ext)", "params(ext)", "memAcc(ext)",
                "encode ms");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            NetworkGraph g = OnnxImporter.read(bytes, name);
            StaticFeatures ref = StaticFeatures.of(g, StaticFeatureMode.REFERENCE);
            StaticFeatures ext = StaticFeatures.of(g, StaticFeatureMode.EXTENDED);
            double sink = 0;
            for (int i = 0; i < reps; i++) {
                sink += tokenizer.tokenize(OnnxImporter.read(bytes, name)).tokens()[0];
            }
            long[] times = new long[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                TokenizedGraph t = tokenizer.tokenize(OnnxImporter.read(bytes, name));
                times[i] = System.nanoTime() - t0;
                sink += t.tokens()[0];
            }
            Arrays.sort(times);
            System.out.printf("%-34s %5d %5d | %,15.0f %,12.0f %,12.0f | %,15.0f %,12.0f %,12.0f | %9.3f%s%n", name,
                    g.nodeCount(), g.edgeCount(), ref.flops(), ref.paramCount(), ref.memoryAccess(), ext.flops(),
                    ext.paramCount(), ext.memoryAccess(), times[reps / 2] / 1e6, sink == 42 ? " " : "");
        }
    }
}
