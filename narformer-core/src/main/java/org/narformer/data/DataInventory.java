package org.narformer.data;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.narformer.BadInputException;

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
     */
    public record FileReport(String file, Status status, int rows, List<String> targets, Map<String, Integer> groups,
                             Map<String, Integer> stages, List<String> problems, long readMillis) {
        public FileReport {
            targets = List.copyOf(targets);
            groups = java.util.Collections.unmodifiableMap(new TreeMap<>(groups));
            stages = java.util.Collections.unmodifiableMap(new TreeMap<>(stages));
            problems = List.copyOf(problems);
        }
    }

    /** Checks every known file of {@code dir}, in {@link DataFile} order. */
    public static List<FileReport> check(DataDirectory dir) {
        List<FileReport> reports = new ArrayList<>();
        for (DataFile f : DataFile.values()) {
            reports.add(check(dir, f));
        }
        return reports;
    }

    /** Checks one file. */
    public static FileReport check(DataDirectory dir, DataFile f) {
        if (!Files.isRegularFile(dir.root().resolve(f.relativePath()))) {
            return new FileReport(f.relativePath(), Status.MISSING, 0, List.of(), Map.of(), Map.of(),
                    List.of(dir.root().resolve(f.relativePath()) + ": missing data file"), 0);
        }
        long start = System.nanoTime();
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, Integer> stages = new TreeMap<>();
        List<String> targets = new ArrayList<>();
        int[] rows = {0};
        List<String> problems = new ArrayList<>();
        try {
            f.reader().stream(f.in(dir), ReadPolicy.LENIENT, s -> {
                rows[0]++;
                groups.merge(s.group(), 1, Integer::sum);
                if (s.stage() != Stage.NONE) {
                    stages.merge(s.stage().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
                for (String t : s.targets().names()) {
                    if (!targets.contains(t)) {
                        targets.add(t);
                    }
                }
            }).forEach(p -> problems.add(p.toString()));
        } catch (BadInputException e) {
            problems.add(e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new FileReport(f.relativePath(), problems.isEmpty() ? Status.OK : Status.BAD, rows[0], targets, groups,
                stages, problems, millis);
    }
}
