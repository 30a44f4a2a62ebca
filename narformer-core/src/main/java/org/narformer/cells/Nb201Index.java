package org.narformer.cells;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;

/**
 * The official NAS-Bench-201 index ↔ cell mapping, read from a CSV whose first two columns are
 * {@code index,arch_str} with row i holding index i ({@code nasbench201/nb201_merged.csv}, also
 * {@code latency/help_nb201_latency.csv}). Other columns are ignored.
 */
public final class Nb201Index {
    /** Number of architectures in NAS-Bench-201. */
    public static final int SIZE = 15_625;
    /** File under the data directory that defines the index. */
    public static final String DATA_FILE = "nasbench201/nb201_merged.csv";

    private final List<Nb201Cell> cells;
    private final Map<Nb201Cell, Integer> indexByCell;

    private Nb201Index(List<Nb201Cell> cells, Map<Nb201Cell, Integer> indexByCell) {
        this.cells = List.copyOf(cells);
        this.indexByCell = indexByCell;
    }

    /**
     * Reads the index.
     *
     * @throws BadInputException naming the file and line for a wrong header, an index out of sequence, a bad
     *                           arch string or a duplicate cell
     */
    public static Nb201Index read(Path csv) {
        String src = csv.toString();
        List<Nb201Cell> cells = new ArrayList<>(SIZE);
        Map<Nb201Cell, Integer> byCell = new HashMap<>(2 * SIZE);
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("index,arch_str")) {
                throw new BadInputException(src, "line 1", "expected a header starting with 'index,arch_str'");
            }
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                int c1 = line.indexOf(',');
                int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
                String at = "line " + lineNo;
                if (c1 < 0) {
                    throw new BadInputException(src, at, "expected index,arch_str,...");
                }
                String indexText = line.substring(0, c1);
                String arch = c2 < 0 ? line.substring(c1 + 1) : line.substring(c1 + 1, c2);
                if (!indexText.equals(Integer.toString(cells.size()))) {
                    throw new BadInputException(src, at, "index '" + indexText + "' out of sequence, expected "
                            + cells.size());
                }
                Nb201Cell cell = Nb201Cell.parse(arch, src + ": " + at);
                Integer previous = byCell.putIfAbsent(cell, cells.size());
                if (previous != null) {
                    throw new BadInputException(src, at, "cell " + arch + " already appears at index " + previous);
                }
                cells.add(cell);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + src, e);
        }
        return new Nb201Index(cells, byCell);
    }

    public int size() {
        return cells.size();
    }

    /** The cell with official index {@code index}. */
    public Nb201Cell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new IndexOutOfBoundsException("NAS-Bench-201 index " + index + " outside 0.." + (cells.size() - 1));
        }
        return cells.get(index);
    }

    /** The official index of {@code cell}, or −1 when absent. */
    public int indexOf(Nb201Cell cell) {
        return indexByCell.getOrDefault(cell, -1);
    }

    /** All cells in index order. */
    public List<Nb201Cell> cells() {
        return cells;
    }
}
