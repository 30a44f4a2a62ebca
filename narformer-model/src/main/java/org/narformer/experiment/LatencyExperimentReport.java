package org.narformer.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.narformer.TextTable;

import static org.narformer.metrics.SeedStats.mean;
import static org.narformer.metrics.SeedStats.pct;
import static org.narformer.metrics.SeedStats.std;

/**
 * The per-fold table of a latency experiment: for every fold and method, the mean and standard deviation over
 * seeds of MAPE and Acc@10 % (selected on validation, and after the last epoch) and the training time, then the
 * average over folds ({@code average}: the mean of the per-fold means; its spread is the standard deviation over
 * seeds of each seed's average over the folds, how much the whole table moves with the seed).
 *
 * @param methods the methods, in the order given
 * @param rows    one row per fold, then {@code average}
 */
public record LatencyExperimentReport(List<String> methods, List<Row> rows) {
    /**
     * @param fold  the fold name or {@code average}
     * @param cells method label → its numbers on this fold
     */
    public record Row(String fold, Map<String, Cell> cells) {
    }

    /**
     * Means and standard deviations over seeds, as fractions (MAPE 0.1 = 10 %).
     *
     * @param seeds        runs averaged
     * @param mape         mean MAPE of the validation-selected model
     * @param mapeStd      its standard deviation over seeds (0 for one run)
     * @param acc10        mean Acc@10 % of the validation-selected model
     * @param acc10Std     its standard deviation
     * @param mapeLast     mean MAPE after the last epoch
     * @param acc10Last    mean Acc@10 % after the last epoch
     * @param trainSeconds mean wall time of one fit
     * @param mapeBestOnTest mean MAPE of the epoch with the lowest test MAPE (the reference's selection, which
     *                     looks at the test set: optimistic, never the headline); NaN when not recorded
     * @param skippedSteps mean training steps skipped for a non-finite loss or gradient; NaN when not recorded
     */
    public record Cell(int seeds, double mape, double mapeStd, double acc10, double acc10Std, double mapeLast,
                       double acc10Last, double trainSeconds, double mapeBestOnTest, double skippedSteps) {
    }

    /** The per-fold rows and the {@code average} row over all folds. */
    public static LatencyExperimentReport of(List<LatencyRun> runs, List<LatencyMethod> methods) {
        return of(runs, methods, List.of());
    }

    /**
     * The per-fold rows, the {@code average} row over all folds and, when {@code averageWithout} names folds, an
     * {@code average without …} row over the other folds (for a fold whose errors are so large that they decide the
     * plain average, as NAS-Bench-201's cells do on leave-one-family-out).
     *
     * @throws IllegalArgumentException if a name in {@code averageWithout} is not a fold of {@code runs}, or names
     *                                  them all
     */
    public static LatencyExperimentReport of(List<LatencyRun> runs, List<LatencyMethod> methods,
                                             List<String> averageWithout) {
        List<String> labels = methods.stream().map(LatencyMethod::label).toList();
        Map<String, List<LatencyRun>> byFold = group(runs, LatencyRun::fold);
        checkAverageWithout(byFold.keySet(), averageWithout);
        List<Row> rows = new ArrayList<>();
        byFold.forEach((fold, foldRuns) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            group(foldRuns, r -> r.method().label()).forEach((label, r) -> cells.put(label, cell(r)));
            rows.add(new Row(fold, ordered(cells, labels)));
        });
        if (byFold.size() > 1) {
            rows.add(averageRow("average", runs, labels));
        }
        if (!averageWithout.isEmpty()) {
            rows.add(averageRow("average without " + String.join(", ", averageWithout),
                    runs.stream().filter(r -> !averageWithout.contains(r.fold())).toList(), labels));
        }
        return new LatencyExperimentReport(labels, rows);
    }

    /**
     * Checks that every name in {@code averageWithout} is one of {@code folds} and that some fold is left.
     *
     * @throws IllegalArgumentException naming the folds there are
     */
    public static void checkAverageWithout(Collection<String> folds, List<String> averageWithout) {
        for (String fold : averageWithout) {
            if (!folds.contains(fold)) {
                throw new IllegalArgumentException("no fold named '" + fold + "' (folds: " + String.join(", ", folds)
                        + ")");
            }
        }
        if (!averageWithout.isEmpty() && averageWithout.containsAll(folds)) {
            throw new IllegalArgumentException("cannot leave every fold out of an average");
        }
    }

    /**
     * A table: per fold, MAPE ± std and Acc@10 % of each method (validation-selected), then last-epoch MAPE, then
     * the labelled best-on-test MAPE (the reference's selection on the test set; optimistic).
     */
    public String toTable() {
        List<String> header = new ArrayList<>(List.of("fold"));
        for (String m : methods) {
            header.add(m + " MAPE");
            header.add(m + " Acc@10%");
        }
        for (String m : methods) {
            header.add(m + " MAPE last");
        }
        for (String m : methods) {
            header.add(m + " MAPE best-on-test (ref., optimistic)");
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(List.of(row.fold()));
            for (String m : methods) {
                Cell c = row.cells().get(m);
                values.add(c == null ? "-" : pct(c.mape()) + (c.seeds() > 1 ? " ± " + pct(c.mapeStd()) : ""));
                values.add(c == null ? "-" : pct(c.acc10()));
            }
            for (String m : methods) {
                Cell c = row.cells().get(m);
                values.add(c == null ? "-" : pct(c.mapeLast()));
            }
            for (String m : methods) {
                Cell c = row.cells().get(m);
                values.add(c == null || Double.isNaN(c.mapeBestOnTest()) ? "-" : pct(c.mapeBestOnTest()));
            }
            table.row(values.toArray());
        }
        return table.render();
    }

    private static Cell cell(List<LatencyRun> runs) {
        double[] mape = runs.stream().mapToDouble(r -> r.selected().mape()).toArray();
        double[] acc = runs.stream().mapToDouble(r -> r.selected().acc10()).toArray();
        return new Cell(runs.size(), mean(mape), std(mape), mean(acc), std(acc),
                mean(runs.stream().mapToDouble(r -> r.last().mape()).toArray()),
                mean(runs.stream().mapToDouble(r -> r.last().acc10()).toArray()),
                mean(runs.stream().mapToDouble(LatencyRun::trainSeconds).toArray()),
                mean(runs.stream().mapToDouble(r -> r.bestOnTest() == null ? Double.NaN : r.bestOnTest().mape())
                        .toArray()),
                mean(runs.stream().mapToDouble(r -> r.skippedSteps() < 0 ? Double.NaN : r.skippedSteps()).toArray()));
    }

    /**
     * Per method: the mean of its per-fold cells, with spreads over the seeds' averages over the folds (how much
     * the whole table moves with the seed).
     */
    private static Row averageRow(String name, List<LatencyRun> runs, List<String> labels) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        group(runs, r -> r.method().label()).forEach((label, methodRuns) -> {
            List<Cell> folds = group(methodRuns, LatencyRun::fold).values().stream()
                    .map(LatencyExperimentReport::cell).toList();
            cells.put(label, average(folds, group(methodRuns, LatencyRun::seed).values()));
        });
        return new Row(name, ordered(cells, labels));
    }

    private static Cell average(List<Cell> cells, Collection<List<LatencyRun>> seedRuns) {
        double[] seedMape = seedRuns.stream().mapToDouble(r -> mean(r.stream().mapToDouble(x -> x.selected().mape())
                .toArray())).toArray();
        double[] seedAcc = seedRuns.stream().mapToDouble(r -> mean(r.stream().mapToDouble(x -> x.selected().acc10())
                .toArray())).toArray();
        return new Cell(cells.get(0).seeds(), mean(cells.stream().mapToDouble(Cell::mape).toArray()), std(seedMape),
                mean(cells.stream().mapToDouble(Cell::acc10).toArray()), std(seedAcc),
                mean(cells.stream().mapToDouble(Cell::mapeLast).toArray()),
                mean(cells.stream().mapToDouble(Cell::acc10Last).toArray()),
                mean(cells.stream().mapToDouble(Cell::trainSeconds).toArray()),
                mean(cells.stream().mapToDouble(Cell::mapeBestOnTest).toArray()),
                mean(cells.stream().mapToDouble(Cell::skippedSteps).toArray()));
    }

    /** {@code runs} grouped by {@code key}, groups and runs in their order of first appearance. */
    private static <K> Map<K, List<LatencyRun>> group(List<LatencyRun> runs, Function<LatencyRun, K> key) {
        Map<K, List<LatencyRun>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /** The cells in the order of {@code labels} (methods without runs left out). */
    private static Map<String, Cell> ordered(Map<String, Cell> cells, List<String> labels) {
        Map<String, Cell> out = new LinkedHashMap<>();
        labels.stream().filter(cells::containsKey).forEach(l -> out.put(l, cells.get(l)));
        return out;
    }
}
