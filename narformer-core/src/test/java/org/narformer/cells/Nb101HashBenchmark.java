package org.narformer.cells;

import java.io.IOException;

import org.narformer.data.DataDirectory;

/**
 * Not a test: reads, parses and hashes all 423,624 NAS-Bench-101 cells of
 * {@code nasbench101/nb101_all_423624_graphs.csv.gz} {@code repetitions} times (default 3) on one thread and
 * prints each wall time and the thread's CPU time. Run from the project root after {@code mvn -B -q -pl narformer-core test-compile}:
 * <pre>{@code java -cp narformer-core/target/classes:narformer-core/target/test-classes \
 *     org.narformer.cells.Nb101HashBenchmark [repetitions]}</pre>
 */
public final class Nb101HashBenchmark {
    private Nb101HashBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var gz = DataDirectory.resolve(null).file("nasbench101/nb101_all_423624_graphs.csv.gz");
        for (int i = 0; i < repetitions; i++) {
            Nb101HashIT.ReadAndHash r = Nb101HashIT.readAndHash(gz);
            System.out.printf("run %d: %d cells, %d distinct hashes, %d mismatches, %.2f s wall, %.2f s CPU%n", i + 1,
                    r.rows(), r.distinct(), r.mismatches(), r.seconds(), r.cpuSeconds());
        }
    }
}
