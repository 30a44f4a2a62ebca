package org.narformer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.data.DataDirectory;
import org.narformer.data.Sample;
import org.narformer.graph.NetworkGraph;
import org.narformer.model.Checkpoints;
import org.narformer.report.Csv;
import org.narformer.train.ArtifactManifest;
import org.narformer.train.NasBenchModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code narformer predict --checkpoint DIR CELL…}: predicted accuracy of NAS-Bench cells. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the accuracy (a fraction) of NAS-Bench cells with a checkpoint of 'narformer train': "
                + "cells given as arguments or in a file (one per line), or every cell of the space (--all).",
                "NB201 cells are architecture strings |op~0|+|op~0|op~1|+|op~0|op~1|op~2|; NB101 cells are "
                + "ADJ_UPPER_BITS:LABELS, e.g. 100110100001001010101:-1,0,2,0,0,1,-2. Scoring runs in batches of "
                + "1024. Output: CSV (id,cell,predicted) on stdout, or OUT/predictions.csv|json + OUT/manifest.json."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "A checkpoint directory, or a run directory of 'narformer train' (its best/ is used).")
    Path checkpoint;

    @Parameters(arity = "0..*", paramLabel = "CELL", description = "Cells to predict.")
    List<String> cells = List.of();

    @Option(names = "--input", paramLabel = "FILE", description = "A file of cells, one per line ('#' comments).")
    Path input;

    @Option(names = "--all", description = "Predict every cell of the checkpoint's space: NB201's 15,625, NB101's "
            + "423,624 (streamed; the time is printed and recorded in the manifest).")
    boolean all;

    @Option(names = "--out", paramLabel = "DIR", description = "Write predictions and a manifest here instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "Output format (default csv).")
    String format;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory for --all (default: NARFORMER_DATA or ../shared/data).")
    Path data;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    /** One output row. */
    record Prediction(String id, String cell, double predicted) {
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new BadInputException("--format", "'" + format + "'", "use csv or json");
        }
        if (!all && cells.isEmpty() && input == null) {
            throw new BadInputException("predict", null, "no cells: give CELL arguments, --input FILE or --all");
        }
        List<Prediction> rows = new ArrayList<>();
        try (NasBenchModel model = NasBenchModel.open(checkpoint)) {
            List<String> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<NetworkGraph> graphs = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                ids.add("arg" + (i + 1));
                texts.add(cells.get(i).strip());
                graphs.add(model.space().parse(cells.get(i), "argument " + (i + 1)));
            }
            if (input != null) {
                readCells(model, ids, texts, graphs);
            }
            float[] p = model.predictCells(graphs, !noProgress);
            for (int i = 0; i < p.length; i++) {
                rows.add(new Prediction(ids.get(i), texts.get(i), p[i]));
            }
            NasBenchModel.SpaceScores scores = null;
            if (all) {
                scores = model.scoreSpace(DataDirectory.resolve(data), !noProgress);
                List<Sample> samples = scores.samples();
                for (int i = 0; i < samples.size(); i++) {
                    rows.add(new Prediction(samples.get(i).id(), samples.get(i).source().describe(),
                            scores.predicted()[i]));
                }
                System.err.printf(Locale.ROOT, "scored all %,d cells of %s in %.1f s (+ %.1f s reading %s)%n",
                        samples.size(), model.space().name(), scores.scoreSeconds(), scores.readSeconds(),
                        model.space().everyCell().relativePath());
            }
            String text = format.equals("csv") ? csv(rows) : Checkpoints.json().writeValueAsString(rows) + "\n";
            if (out == null) {
                PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
                stdout.print(text);
                stdout.flush();
            } else {
                Files.createDirectories(out);
                String name = "predictions." + format;
                AtomicFiles.write(out.resolve(name), text);
                Map<String, Object> manifest = ArtifactManifest.head("nasbench-predictions", CommandLines.of(spec));
                manifest.put("checkpoint", model.checkpoint().toAbsolutePath().toString());
                manifest.put("checkpointEpoch", model.record().epoch());
                manifest.put("protocol", model.config().toMap());
                manifest.put("file", name);
                manifest.put("count", rows.size());
                if (scores != null) {
                    manifest.put("space", Map.of("file", model.space().everyCell().relativePath(),
                            "cells", scores.samples().size(), "readSeconds", scores.readSeconds(),
                            "scoreSeconds", scores.scoreSeconds()));
                }
                manifest.put("predicted", "accuracy as a fraction (trained on " + model.space().trainLabel() + ")");
                ArtifactManifest.write(out.resolve(ArtifactManifest.FILE), manifest);
                System.out.println("wrote " + rows.size() + " predictions to " + out.resolve(name));
            }
        }
        return ExitCode.OK.code();
    }

    private void readCells(NasBenchModel model, List<String> ids, List<String> texts, List<NetworkGraph> graphs)
            throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new BadInputException(input.toString(), null, "no such file");
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ids.add("line" + (i + 1));
            texts.add(line);
            graphs.add(model.space().parse(line, input + ": line " + (i + 1)));
        }
    }

    private static String csv(List<Prediction> rows) {
        StringWriter w = new StringWriter();
        w.append("id,cell,predicted\n");
        for (Prediction r : rows) {
            w.append(Csv.field(r.id())).append(',').append(Csv.field(r.cell())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.predicted())).append('\n');
        }
        return w.toString();
    }
}
