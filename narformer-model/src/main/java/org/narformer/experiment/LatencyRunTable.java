package org.narformer.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;
import org.narformer.metrics.Metrics;

/**
 * {@code runs.csv}: every test prediction of every run, one row per (run, test network), so that reports can be
 * recomputed and the runs of several invocations (e.g. folds split across machines) merged.
 */
public final class LatencyRunTable {
    /** The header. */
    public static final String HEADER = "fold,method,seed,best_epoch,train_seconds,graph_id,family,measured_ms,"
            + "predicted_ms,predicted_last_epoch_ms,best_on_test_epoch,predicted_best_on_test_ms,skipped_steps";
    /** The header of tables written before the skipped-steps column (still read; skipped steps then read −1). */
    static final String HEADER_V2 = "fold,method,seed,best_epoch,train_seconds,graph_id,family,measured_ms,"
            + "predicted_ms,predicted_last_epoch_ms,best_on_test_epoch,predicted_best_on_test_ms";
    /** The header of tables written before the best-on-test column (still read; that column is then absent). */
    static final String HEADER_V1 = "fold,method,seed,best_epoch,train_seconds,graph_id,family,measured_ms,"
            + "predicted_ms,predicted_last_epoch_ms";

    private LatencyRunTable() {
    }

    public static String write(List<LatencyRun> runs) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (LatencyRun r : runs) {
            for (int i = 0; i < r.measured().length; i++) {
                csv.append(String.join(",", r.fold(), r.method().label(), Long.toString(r.seed()),
                        Integer.toString(r.bestEpoch()), Double.toString(r.trainSeconds()), r.graphIds()[i],
                        r.families()[i], Double.toString(r.measured()[i]), Double.toString(r.predicted()[i]),
                        Double.toString(r.predictedLast()[i]), Integer.toString(r.bestOnTestEpoch()),
                        r.predictedBestOnTest() == null ? "" : Double.toString(r.predictedBestOnTest()[i]),
                        Integer.toString(r.skippedSteps())))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    /** Reads a table written by {@link #write}; malformed lines are errors naming the file and line. */
    public static List<LatencyRun> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !List.of(HEADER, HEADER_V2, HEADER_V1).contains(lines.get(0))) {
            throw new BadInputException(file.toString(), "line 1", "not a runs table: the header must be " + HEADER);
        }
        int fields = lines.get(0).split(",").length;
        Map<String, List<String[]>> byRun = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != fields) {
                throw new BadInputException(file.toString(), "line " + (i + 1), "expected " + fields
                        + " fields, found " + f.length);
            }
            byRun.computeIfAbsent(f[0] + "," + f[1] + "," + f[2], k -> new ArrayList<>()).add(f);
        }
        List<LatencyRun> runs = new ArrayList<>();
        for (List<String[]> rows : byRun.values()) {
            int n = rows.size();
            String[] ids = new String[n];
            String[] families = new String[n];
            double[] measured = new double[n];
            double[] predicted = new double[n];
            double[] last = new double[n];
            double[] onTest = fields > 10 && !rows.get(0)[11].isEmpty() ? new double[n] : null;
            try {
                for (int i = 0; i < n; i++) {
                    String[] f = rows.get(i);
                    ids[i] = f[5];
                    families[i] = f[6];
                    measured[i] = Double.parseDouble(f[7]);
                    predicted[i] = Double.parseDouble(f[8]);
                    last[i] = Double.parseDouble(f[9]);
                    if (onTest != null) {
                        onTest[i] = Double.parseDouble(f[11]);
                    }
                }
                String[] first = rows.get(0);
                runs.add(new LatencyRun(first[0], LatencyMethod.parse(first[1]), Long.parseLong(first[2]), ids,
                        families, predicted, last, measured, Metrics.of(predicted, measured),
                        Metrics.of(last, measured), Integer.parseInt(first[3]), Double.parseDouble(first[4]), onTest,
                        onTest == null ? 0 : Integer.parseInt(first[10]),
                        fields > 12 ? Integer.parseInt(first[12]) : -1));
            } catch (NumberFormatException e) {
                throw new BadInputException(file.toString(), "run " + rows.get(0)[0] + " " + rows.get(0)[1],
                        "bad number: " + e.getMessage(), e);
            }
        }
        return runs;
    }
}
