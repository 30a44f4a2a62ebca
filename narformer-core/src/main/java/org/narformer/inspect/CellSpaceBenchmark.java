package org.narformer.inspect;

import java.util.HashSet;
import java.util.Set;

import org.narformer.cells.CellSpace;
import org.narformer.data.DataDirectory;
import org.narformer.data.DataFile;
import org.narformer.data.Dataset;
import org.narformer.data.GraphSource;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.graph.NetworkGraph;
import org.narformer.tokenizer.V2CellTokenizer;

/**
 * Times the data side of the NAS-Bench spaces on one thread: read and parse a whole space file, build every
 * cell's {@link NetworkGraph}, tokenize every graph with the V2 cell tokenizer, and (NAS-Bench-101) recompute
 * every official cell hash. Each stage is timed separately (graphs are built and tokenized one at a time, as a
 * scoring run streams them), so the figures add up to the full pipeline.
 */
public final class CellSpaceBenchmark {

    /** Wall-clock seconds per stage for one space file. */
    public record Result(String file, int cells, double readSeconds, double graphSeconds, double tokenSeconds,
                         double hashSeconds, int distinctHashes) { }

    private final DataDirectory data;

    public CellSpaceBenchmark(DataDirectory data) {
        this.data = data;
    }

    /** NAS-Bench-201: all 15,625 architectures of {@code nb201_merged.csv}. */
    public Result nb201() {
        return run(DataFile.NB201, CellSpace.NB201, false);
    }

    /** NAS-Bench-101: all 423,624 cells of {@code nb101_all_423624_graphs.csv.gz}, hashes included. */
    public Result nb101All() {
        return run(DataFile.NB101_ALL, CellSpace.NB101, true);
    }

    private Result run(DataFile file, CellSpace space, boolean hash) {
        long t0 = System.nanoTime();
        Dataset dataset = file.read(data, ReadPolicy.STRICT);
        long t1 = System.nanoTime();
        V2CellTokenizer tokenizer = V2CellTokenizer.of(space);
        long graphNanos = 0;
        long tokenNanos = 0;
        long tokens = 0;
        for (Sample s : dataset.samples()) {
            long a = System.nanoTime();
            NetworkGraph g = graphOf(s.source());
            long b = System.nanoTime();
            tokens += tokenizer.tokenize(g).nodeCount();
            tokenNanos += System.nanoTime() - b;
            graphNanos += b - a;
        }
        long t3 = System.nanoTime();
        int distinct = 0;
        if (hash) {
            Set<String> hashes = new HashSet<>(dataset.size() * 2);
            for (Sample s : dataset.samples()) {
                hashes.add(((GraphSource.Nb101) s.source()).cell().hash());
            }
            distinct = hashes.size();
        }
        long t4 = System.nanoTime();
        if (tokens == 0) {
            throw new IllegalStateException("no tokens produced from " + file.relativePath());
        }
        return new Result(file.relativePath(), dataset.size(), (t1 - t0) / 1e9, graphNanos / 1e9, tokenNanos / 1e9,
                (t4 - t3) / 1e9, distinct);
    }

    private static NetworkGraph graphOf(GraphSource source) {
        if (source instanceof GraphSource.Nb201 nb201) {
            return nb201.cell().toGraph();
        }
        if (source instanceof GraphSource.Nb101 nb101) {
            return nb101.cell().toGraph();
        }
        throw new IllegalArgumentException("not a cell: " + source.describe());
    }
}
