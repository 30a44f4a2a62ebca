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

import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.model.Checkpoints;
import org.narformer.report.Csv;
import org.narformer.report.TauCurvePlot;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.NasBenchRunManifest;
import org.narformer.train.NasBenchRunSummary;
import org.narformer.train.NasBenchRunTable;
import org.narformer.train.TauPoint;

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

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also draw Kendall tau against epochs (over all cells where evaluated, and on the "
                    + "validation cells) for every run into this PNG.")
    Path plot;

    @Option(names = "--curves", paramLabel = "FILE.csv",
            description = "Also write every run's curve as CSV: run, epoch, steps, train loss, validation tau, tau "
                    + "over all cells, their weight-EMA twins, elapsed seconds (empty where not evaluated).")
    Path curves;

    @ParentCommand
    NarFormerCli parent;

    @Override
    public Integer call() throws IOException {
        List<NasBenchRunSummary> runs = new ArrayList<>();
        Map<String, List<TauPoint>> runCurves = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Path path : expand(paths)) {
            try {
                NasBenchRunManifest manifest = NasBenchRunManifest.read(path);
                NasBenchRunSummary summary = NasBenchRunSummary.of(manifest);
                runs.add(summary);
                runCurves.put(uniqueName(runCurves, summary.name()), manifest.curve());
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
        if (plot != null && !runCurves.isEmpty()) {
            TauCurvePlot.write(plot, runCurves);
        }
        if (curves != null && !runCurves.isEmpty()) {
            AtomicFiles.write(curves, curvesCsv(runCurves));
        }
        if (errors.isEmpty()) {
            return ExitCode.OK.code();
        }
        return (runs.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL_FAILURE).code();
    }

    /** {@code name}, or {@code name (2)}, … when runs from different directories share a directory name. */
    private static String uniqueName(Map<String, ?> taken, String name) {
        String unique = name;
        for (int k = 2; taken.containsKey(unique); k++) {
            unique = name + " (" + k + ")";
        }
        return unique;
    }

    /** The curves as CSV, one row per run and epoch; NaN (not evaluated) as an empty field. */
    static String curvesCsv(Map<String, List<TauPoint>> runCurves) {
        StringBuilder csv = new StringBuilder("run,epoch,steps,trainLoss,selectionTau,allTau,emaSelectionTau,emaAllTau,"
                + "elapsedSeconds\n");
        for (Map.Entry<String, List<TauPoint>> run : runCurves.entrySet()) {
            for (TauPoint p : run.getValue()) {
                csv.append(Csv.field(run.getKey())).append(',').append(p.epoch()).append(',').append(p.steps());
                for (double v : new double[] {p.trainLoss(), p.selectionTau(), p.allTau(), p.emaSelectionTau(),
                    p.emaAllTau(), p.elapsedSeconds()}) {
                    csv.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
                }
                csv.append('\n');
            }
        }
        return csv.toString();
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
