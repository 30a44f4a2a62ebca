package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.narformer.BadInputException;
import org.narformer.model.Checkpoints;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.NasBenchRunManifest;
import org.narformer.train.NasBenchRunSummary;
import org.narformer.train.NasBenchRunTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code narformer runs RUN…}: NAS-Bench training runs side by side, with mean ± sd over seeds. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Summarise NAS-Bench training runs (narformer train) from their manifests: per run the "
                + "selected epoch, tau over all cells of the selected checkpoint, of the last epoch and of the "
                + "selected weight EMA, steps, skipped steps, time and processor; then the runs grouped by "
                + "configuration (every setting but the seed) with the mean and sample standard deviation over "
                + "their finished runs. Unfinished runs are listed and not counted.",
                "Bad items are reported (file and field) and skipped; the exit code is then 3 (all bad) or 5 "
                        + "(some)."})
final class RunsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "Run directories (manifest.json and last/), run manifest files, or directories whose "
                    + "subdirectories are runs.")
    List<Path> paths;

    @Option(names = "--json", description = "Print JSON (runs, groups with their statistics, errors).")
    boolean json;

    @ParentCommand
    NarFormerCli parent;

    @Override
    public Integer call() throws IOException {
        List<NasBenchRunSummary> runs = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Path path : expand(paths)) {
            try {
                runs.add(NasBenchRunSummary.of(NasBenchRunManifest.read(path)));
            } catch (BadInputException e) {
                errors.put(path.toString(), e.getMessage());
                parent.report(e);
            }
        }
        NasBenchRunTable table = NasBenchRunTable.of(runs);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(table.toMap());
            doc.put("errors", errors);
            System.out.println(Checkpoints.json().writeValueAsString(doc));
        } else if (!runs.isEmpty()) {
            System.out.print(table.render());
        }
        if (errors.isEmpty()) {
            return ExitCode.OK.code();
        }
        return (runs.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE).code();
    }

    /**
     * A directory without a manifest becomes its subdirectories that are runs (sorted); everything else is kept as
     * given, even if missing (then reported as bad).
     */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && !Files.isRegularFile(p.resolve(ArtifactManifest.FILE))) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(NasBenchRunManifest::isRunDirectory).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
