package org.narformer.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;

/**
 * Not a test: prints, for every ONNX file in the data directory, its operator count, graph node and edge
 * counts, and the median time of {@link OnnxImporter#read(byte[], String)} (parse, shape inference, graph
 * construction, batch 1) after warm-up. Run from the project root after
 * {@code mvn -B -q -pl narformer-core test-compile} and
 * {@code mvn -B -q -pl narformer-core dependency:build-classpath -Dmdep.outputFile=/tmp/core.cp}:
 * <pre>{@code java -cp narformer-core/target/classes:narformer-core/target/test-classes:$(cat /tmp/core.cp) \
 *     org.narformer.onnx.OnnxImportBenchmark [repetitions]}</pre>
 */
public final class OnnxImportBenchmark {
    private OnnxImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = DataDirectory.resolve(null).root().resolve("onnx");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        System.out.printf("%-34s %9s %6s %6s %10s%n", "file", "operators", "nodes", "edges", "import ms");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            for (int i = 0; i < reps; i++) {
                OnnxImporter.read(bytes, name); // warm-up
            }
            double[] ms = new double[reps];
            NetworkGraph g = null;
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                g = OnnxImporter.read(bytes, name);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-34s %9d %6d %6d %10.3f%n", name, OnnxModel.fromBytes(bytes, name).operatorCount(),
                    g.nodeCount(), g.edgeCount(), ms[reps / 2]);
        }
    }
}
