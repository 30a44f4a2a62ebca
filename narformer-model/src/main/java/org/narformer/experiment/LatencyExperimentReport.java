package org.narformer.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static LatencyExperimentReport of(List<LatencyRun> runs, List<LatencyMethod> methods) {
        List<String> labels = methods.stream().map(LatencyMethod::label).toList();
        Map<String, Map<String, List<LatencyRun>>> byFold = new LinkedHashMap<>();
        for (LatencyRun run : runs) {
            byFold.computeIfAbsent(run.fold(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.method().label(), k -> new ArrayList<>()).add(run);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, List<Cell>> perMethod = new LinkedHashMap<>();
        Map<String, Map<Long, List<LatencyRun>>> bySeed = new LinkedHashMap<>();
        for (LatencyRun run : runs) {
            bySeed.computeIfAbsent(run.method().label(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.seed(), k -> new ArrayList<>()).add(run);
        }
        byFold.forEach((fold, methodRuns) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String label : labels) {
                List<LatencyRun> r = methodRuns.get(label);
                if (r != null) {
                    Cell cell = cell(r);
                    cells.put(label, cell);
                    perMethod.computeIfAbsent(label, k -> new ArrayList<>()).add(cell);
                }
            }
            rows.add(new Row(fold, cells));
        });
        if (byFold.size() > 1) {
            Map<String, Cell> average = new LinkedHashMap<>();
            perMethod.forEach((label, cells) -> average.put(label, average(cells, bySeed.get(label).values())));
            rows.add(new Row("average", average));
        }
        return new LatencyExperimentReport(labels, rows);
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

    /** The mean of the per-fold cells; spreads over the seeds' fold averages ({@code seedRuns}: one list per seed). */
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
}
