package org.narformer.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.narformer.BadInputException;
import org.narformer.metrics.KendallTau;

/**
 * Reads and validates every {@link DataFile} of a data directory (the library side of {@code narformer data}).
 * Each file is read under {@link ReadPolicy#LENIENT}, so every bad row is reported, not only the first.
 */
public final class DataInventory {
    private DataInventory() {
    }

    /** How a file fared. */
    public enum Status {
        /** Read with no bad rows. */
        OK,
        /** Unreadable, not of its format, or with bad rows (listed in {@link FileReport#problems()}). */
        BAD,
        /** Not in the data directory. */
        MISSING
    }

    /**
     * What one file holds.
     *
     * @param file       path relative to the data directory
     * @param status     the verdict
     * @param rows       samples read (bad rows excluded)
     * @param targets    target names
     * @param groups     samples per group, in name order
     * @param stages     samples per stage when the file has a train/test column, else empty
     * @param problems   located problem messages ({@code file: line N, column 'c': problem})
     * @param readMillis wall time to read and validate the file
     * @param sha256     SHA-256 of the file's bytes ({@link FileFingerprint}), null when missing
     * @param labelAgreement for each validation-accuracy target {@code X} with a test-accuracy twin (the target
     *                   named with {@code validation} replaced by {@code test}), keyed {@code "X ~ twin"}: Kendall
     *                   τ-b between the two over all rows, i.e. the τ that a perfect predictor of the validation
     *                   label (the NAS-Bench training target) scores against the test label (the reported one)
     */
    public record FileReport(String file, Status status, int rows, List<String> targets, Map<String, Integer> groups,
                             Map<String, Integer> stages, List<String> problems, long readMillis, String sha256,
                             Map<String, Double> labelAgreement) {
        public FileReport {
            targets = List.copyOf(targets);
            labelAgreement = Collections.unmodifiableMap(new LinkedHashMap<>(labelAgreement));
            groups = Collections.unmodifiableMap(new TreeMap<>(groups));
            stages = Collections.unmodifiableMap(new TreeMap<>(stages));
            problems = List.copyOf(problems);
        }
    }

    /**
     * Checks every known file of {@code dir}, in {@link DataFile} order.
     *
     * @param verifyHashes recompute the hash of every NAS-Bench-101 CSV cell (slow: ~20 s for the 423,624 cells)
     */
    public static List<FileReport> check(DataDirectory dir, boolean verifyHashes) {
        List<FileReport> reports = new ArrayList<>();
        for (DataFile f : DataFile.values()) {
            reports.add(check(dir, f, verifyHashes));
        }
        return reports;
    }

    /**
     * The regular files under {@code dir} that are not {@link DataFile}s (ONNX examples, licences, READMEs), as
     * sorted relative paths with {@code /} separators; they are listed, not validated.
     */
    public static List<String> otherFiles(DataDirectory dir) {
        Set<String> known = new HashSet<>();
        for (DataFile f : DataFile.values()) {
            known.add(f.relativePath());
        }
        try (Stream<Path> walk = Files.walk(dir.root())) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.root().relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(p -> !known.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(dir.root().toString(), null, "cannot list the data directory: "
                    + e.getMessage(), e);
        }
    }

    /** Checks one file. */
    public static FileReport check(DataDirectory dir, DataFile f, boolean verifyHashes) {
        Path file;
        try {
            file = f.in(dir);
        } catch (BadInputException e) {
            return new FileReport(f.relativePath(), Status.MISSING, 0, List.of(), Map.of(), Map.of(),
                    List.of(e.getMessage()), 0, null, Map.of());
        }
        long start = System.nanoTime();
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, Integer> stages = new TreeMap<>();
        List<String> targets = new ArrayList<>();
        Map<String, DoubleColumn> values = new LinkedHashMap<>();
        int[] rows = {0};
        List<String> problems = new ArrayList<>();
        try {
            f.reader(verifyHashes).stream(file, ReadPolicy.LENIENT, s -> {
                rows[0]++;
                groups.merge(s.group(), 1, Integer::sum);
                if (s.stage() != Stage.NONE) {
                    stages.merge(s.stage().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
                for (String t : s.targets().names()) {
                    if (!targets.contains(t)) {
                        targets.add(t);
                    }
                    values.computeIfAbsent(t, k -> new DoubleColumn()).add(s.target(t));
                }
            }).forEach(p -> problems.add(p.toString()));
        } catch (BadInputException e) {
            problems.add(e.getMessage());
        }
        Map<String, Double> agreement = labelAgreement(values, rows[0]);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new FileReport(f.relativePath(), problems.isEmpty() ? Status.OK : Status.BAD, rows[0], targets, groups,
                stages, problems, millis, FileFingerprint.of(file).sha256(), agreement);
    }

    /**
     * τ-b of every validation target with its test twin, when every one of the {@code rows} rows holds both and τ is
     * defined (not all values tied).
     */
    static Map<String, Double> labelAgreement(Map<String, DoubleColumn> values, int rows) {
        Map<String, Double> agreement = new LinkedHashMap<>();
        values.forEach((name, column) -> {
            DoubleColumn twin = values.get(name.replace("validation", "test"));
            if (name.contains("validation") && twin != null && column.size == rows && twin.size == rows && rows > 1) {
                double tau = KendallTau.tauB(column.toArray(), twin.toArray());
                if (Double.isFinite(tau)) {
                    agreement.put(name + " ~ " + name.replace("validation", "test"), tau);
                }
            }
        });
        return agreement;
    }

    /** A growable column of doubles. */
    static final class DoubleColumn {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
