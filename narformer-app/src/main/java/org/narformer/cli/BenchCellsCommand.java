package org.narformer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.narformer.TextTable;
import org.narformer.data.DataDirectory;
import org.narformer.data.Machine;
import org.narformer.inspect.CellSpaceBenchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer bench cells}: time reading, graph building, tokenizing and hashing whole NAS-Bench spaces. */
@Command(name = "cells", mixinStandardHelpOptions = true,
        description = "Seconds to read every NAS-Bench-201 (15,625) and NAS-Bench-101 (423,624) cell, build its graph, "
                + "tokenize it (V2 cell tokens) and, for NB101, recompute its official hash (one thread).")
final class BenchCellsCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $NARFORMER_DATA, then ../shared/data).")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CellSpaceBenchmark benchmark = new CellSpaceBenchmark(DataDirectory.resolve(dataDir));
        List<CellSpaceBenchmark.Result> results = List.of(benchmark.nb201(), benchmark.nb101All());
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("machine", Machine.current(), "results", results)));
            return ExitCode.OK.code();
        }
        System.out.println(Machine.current());
        TextTable table = new TextTable("file", "cells", "read s", "graphs s", "tokens s", "hashes s", "distinct hashes");
        for (CellSpaceBenchmark.Result r : results) {
            table.row(r.file(), String.format(Locale.ROOT, "%,d", r.cells()), s(r.readSeconds()), s(r.graphSeconds()),
                    s(r.tokenSeconds()), r.distinctHashes() == 0 ? "-" : s(r.hashSeconds()),
                    r.distinctHashes() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.distinctHashes()));
        }
        System.out.print(table.render());
        return ExitCode.OK.code();
    }

    private static String s(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
