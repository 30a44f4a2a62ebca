package org.narformer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.narformer.data.DataDirectory;
import org.narformer.data.DataInventory;
import org.narformer.data.DataInventory.FileReport;
import org.narformer.data.DataInventory.Status;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code narformer data}: lists the dataset files of the data directory (rows, targets, groups, stages, read
 * time) and validates every row. Exit 0 when every file is fine, 3 when none is, 5 when some are; every problem
 * is printed to stderr with file and line.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "List and validate the datasets of the data directory (files, rows, targets, groups).")
final class DataCommand implements Callable<Integer> {
    /** Problems printed per file; the rest are counted. */
    private static final int SHOWN_PROBLEMS = 20;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $" + DataDirectory.ENV + ", then ../shared/data).")
    Path data;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--verify-hashes",
            description = "Recompute the official hash of every NAS-Bench-101 CSV cell (slow: ~20 s).")
    boolean verifyHashes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        DataDirectory dir = DataDirectory.resolve(data);
        List<FileReport> reports = DataInventory.check(dir, verifyHashes);
        List<String> others = DataInventory.otherFiles(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataDirectory", dir.root().toAbsolutePath().normalize().toString());
            doc.put("files", reports);
            doc.put("otherFiles", others);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.print(text(dir, reports, others));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (FileReport r : reports) {
            r.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> err.println("narformer: " + p));
            if (r.problems().size() > SHOWN_PROBLEMS) {
                err.println("narformer: " + r.file() + ": ... and " + (r.problems().size() - SHOWN_PROBLEMS)
                        + " more problems");
            }
        }
        err.flush();
        long ok = reports.stream().filter(r -> r.status() == Status.OK).count();
        ExitCode code = ok == reports.size() ? ExitCode.OK : ok == 0 ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE;
        return code.code();
    }

    private static String text(DataDirectory dir, List<FileReport> reports, List<String> others) {
        StringBuilder sb = new StringBuilder("data directory: ").append(dir.root().toAbsolutePath().normalize())
                .append('\n');
        int width = reports.stream().mapToInt(r -> r.file().length()).max().orElse(4);
        for (FileReport r : reports) {
            sb.append(String.format(java.util.Locale.ROOT, "\n%-" + width + "s  %-7s %,9d rows  %6d ms\n", r.file(),
                    r.status(), r.rows(), r.readMillis()));
            if (r.sha256() != null) {
                sb.append("  sha256:   ").append(r.sha256()).append('\n');
            }
            if (r.status() != Status.OK) {
                sb.append("  problems: ").append(r.problems().size()).append(" (listed on stderr)\n");
            }
            if (!r.targets().isEmpty()) {
                sb.append("  targets:  ").append(String.join(", ", r.targets())).append('\n');
            }
            if (!r.groups().isEmpty()) {
                sb.append("  groups:   ").append(counts(r.groups())).append('\n');
            }
            if (!r.stages().isEmpty()) {
                sb.append("  stages:   ").append(counts(r.stages())).append('\n');
            }
            r.labelAgreement().forEach((pair, tau) -> sb.append(String.format(Locale.ROOT,
                    "  τ-b %s: %.4f (a perfect predictor of the first, scored on the second)\n", pair, tau)));
        }
        if (!others.isEmpty()) {
            sb.append("\nother files (not datasets, not validated): ").append(others.size()).append('\n');
            others.forEach(o -> sb.append("  ").append(o).append('\n'));
        }
        return sb.toString();
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
