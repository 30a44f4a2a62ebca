package org.narformer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the CLI in-process and captures its output and exit code. */
final class CliTestSupport {
    record Run(int exitCode, String out, String err) { }

    private CliTestSupport() {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = NarFormerCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Generates {@code count} networks of each family under {@code dir/<family>} and writes {@code dir/latency.txt},
     * an NNLQP label file with made-up latencies (0.5 ms + MACs / 1e8) that the experiments and fits can read.
     *
     * @return the label file
     */
    static Path labelledNetworks(Path dir, List<String> families, int count) throws IOException {
        List<String> labels = new ArrayList<>();
        int id = 0;
        for (String family : families) {
            Run zoo = run("zoo", "generate", "--family", family, "--count", String.valueOf(count), "--out",
                    dir.resolve(family).toString());
            if (zoo.exitCode() != 0) {
                throw new IllegalStateException("zoo generate failed: " + zoo.err());
            }
            for (String line : Files.readAllLines(dir.resolve(family).resolve("models.csv")).subList(1, count + 1)) {
                String[] f = line.split(",");
                double latency = 0.5 + Long.parseLong(f[4]) / 1e8;
                labels.add(String.format(Locale.ROOT, "%d %s/%s 1 %.4f %s 0 train", ++id, family, f[0], latency, f[1]));
            }
        }
        Path labelFile = dir.resolve("latency.txt");
        Files.write(labelFile, labels);
        return labelFile;
    }
}
