package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;

/** The official NB101 hash over the real data files (reads {@code nasbench101/*} under the data directory). */
class Nb101HashIT {

    private static DataDirectory data() {
        var dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "no data directory (../shared/data or NARFORMER_DATA): skipping");
        return dir.get();
    }

    @Test
    void hashMatchesTheHashColumnForAllLabelledCells() throws IOException {
        Path csv = data().file("nasbench101/nb101_vis30k.csv");
        Nb101Hasher hasher = new Nb101Hasher();
        int rows = 0;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertTrue(r.readLine().startsWith("hash,num_vertices,adj_upper_bits,labels"));
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String[] f = line.split(",", 5);
                Nb101Cell cell = Nb101Cell.parse(f[2], f[3], csv + ": line " + lineNo);
                assertEquals(Integer.parseInt(f[1]), cell.vertexCount(), "line " + lineNo);
                assertTrue(cell.isPruned() && cell.isInSearchSpace(), "line " + lineNo);
                assertEquals(f[0], hasher.hash(cell), "line " + lineNo);
                rows++;
            }
        }
        assertEquals(30_001, rows);
    }

    @Test
    void allCellsOfTheSpaceHashToDistinctValuesEqualToTheFile() throws IOException {
        ReadAndHash r = readAndHash(data().file("nasbench101/nb101_all_423624_graphs.csv.gz"));
        System.out.printf("Nb101HashIT: read + parsed + hashed %d NAS-Bench-101 cells in %.2f s (%.2f s CPU)%n",
                r.rows(), r.seconds(), r.cpuSeconds());
        assertEquals(423_624, r.rows());
        assertEquals(0, r.mismatches(), "cells whose hash differs from the file's hash column");
        assertEquals(423_624, r.distinct());
    }

    /**
     * Outcome of {@link #readAndHash}: rows read, distinct hashes, rows whose hash differs from the file, wall time,
     * and the reading thread's CPU time (what the wall time would be on an otherwise idle core).
     */
    record ReadAndHash(int rows, int distinct, int mismatches, double seconds, double cpuSeconds) { }

    /** Streams a gzipped NB101 cell CSV ({@code hash,num_vertices,adj_upper_bits,labels,...}) and hashes every cell. */
    static ReadAndHash readAndHash(Path gz) throws IOException {
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Nb101Hasher hasher = new Nb101Hasher();
        Set<String> hashes = new HashSet<>(1 << 20);
        int rows = 0;
        int mismatches = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("hash,num_vertices,adj_upper_bits,labels")) {
                throw new IllegalStateException(gz + ": not an NB101 cell file");
            }
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                int c1 = line.indexOf(',');
                int c2 = line.indexOf(',', c1 + 1);
                int c3 = line.indexOf(',', c2 + 1);
                int c4 = line.indexOf(',', c3 + 1);
                String labels = c4 < 0 ? line.substring(c3 + 1) : line.substring(c3 + 1, c4);
                Nb101Cell cell = Nb101Cell.parse(line.substring(c2 + 1, c3), labels, gz + ": line " + lineNo);
                String h = hasher.hash(cell);
                if (!line.startsWith(h)) {
                    mismatches++;
                }
                hashes.add(h);
                rows++;
            }
        }
        return new ReadAndHash(rows, hashes.size(), mismatches, (System.nanoTime() - start) / 1e9,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
}
