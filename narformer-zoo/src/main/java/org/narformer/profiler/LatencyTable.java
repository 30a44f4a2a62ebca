package org.narformer.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;

/**
 * A {@code latency.csv} written by {@link ProfileRun}, read back: one {@link Row} per measured model.
 *
 * @param source the file read
 * @param rows   the rows in file order
 */
public record LatencyTable(Path source, List<Row> rows) {
    /**
     * One measured model.
     *
     * @param onnxPath  the ONNX file as it was given to the profiler
     * @param family    the model type column (the file's directory: its family for {@code zoo generate} output)
     * @param medianMs  median latency
     * @param p10Ms     10th percentile
     * @param p90Ms     90th percentile
     * @param runs      timed runs
     * @param stoppedEarly whether the median was stable before {@code --runs}
     */
    public record Row(String onnxPath, String family, double medianMs, double p10Ms, double p90Ms, int runs,
                      boolean stoppedEarly) {
        /** {@code (p90 − p10) / median}: the spread of the timed runs. */
        public double relativeSpread() {
            return (p90Ms - p10Ms) / medianMs;
        }
    }

    public LatencyTable {
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code file}, or {@code file/latency.csv} when it is a directory.
     *
     * @throws BadInputException naming the file and line of a malformed row
     */
    public static LatencyTable read(Path file) {
        Path csv = Files.isDirectory(file) ? file.resolve("latency.csv") : file;
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(csv.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(ProfileRun.CSV_HEADER)) {
            throw new BadInputException(csv.toString(), "line 1", "not a latency table: the header must be "
                    + ProfileRun.CSV_HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            try {
                if (f.length != 12) {
                    throw new IllegalArgumentException("expected 12 fields, found " + f.length);
                }
                rows.add(new Row(f[1], f[4], positive(f[3]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                        Integer.parseInt(f[10]), Boolean.parseBoolean(f[11])));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(csv.toString(), "line " + (i + 1), e.getMessage(), e);
            }
        }
        return new LatencyTable(csv, rows);
    }

    /** The rows by family, families in order of first appearance. */
    public Map<String, List<Row>> byFamily() {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static double positive(String s) {
        double v = Double.parseDouble(s);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("latency must be positive, got " + s);
        }
        return v;
    }
}
