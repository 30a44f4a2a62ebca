package org.narformer.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.narformer.TextTable;

import static org.narformer.metrics.SeedStats.mean;
import static org.narformer.metrics.SeedStats.pct;
import static org.narformer.metrics.SeedStats.std;

/**
 * The two tables of the multi-device protocol ({@link MultiDeviceExperiment}): per source device, one model per
 * device against the multi-head model; per target device and few-shot size k, scratch against transfer against the
 * rescaled nearest source device (mean ± sample std over seeds), each followed by the average over devices.
 *
 * @param sources one row per source device, then {@code average}
 * @param fewShot one row per (target device, k), then one {@code average} row per k
 */
public record MultiDeviceReport(List<SourceRow> sources, List<FewShotRow> fewShot) {
    /** The few-shot methods, in table order. */
    public static final List<String> FEW_SHOT_METHODS = List.of(MultiDeviceExperiment.SCRATCH,
            MultiDeviceExperiment.TRANSFER, MultiDeviceExperiment.NEAREST_DEVICE);

    /**
     * Test numbers of one method on one device (or averaged over devices), over seeds; fractions (0.1 = 10 %).
     *
     * @param runs       runs summarised
     * @param mape       mean MAPE
     * @param mapeStd    its sample std over seeds (0 for one run; for averages, the mean of the devices' stds)
     * @param acc10      mean Acc@10 %
     * @param acc10Std   its std
     * @param rho        mean Spearman ρ
     * @param rhoStd     its std
     * @param seconds    mean fit time
     */
    public record Summary(int runs, double mape, double mapeStd, double acc10, double acc10Std, double rho,
                          double rhoStd, double seconds) {
        static Summary of(List<DeviceRun> runs) {
            return new Summary(runs.size(), mean(values(runs, r -> r.test().mape())),
                    std(values(runs, r -> r.test().mape())), mean(values(runs, r -> r.test().acc10())),
                    std(values(runs, r -> r.test().acc10())), mean(values(runs, r -> r.test().spearmanRho())),
                    std(values(runs, r -> r.test().spearmanRho())), mean(values(runs, DeviceRun::seconds)));
        }

        static Summary average(List<Summary> parts) {
            return new Summary(parts.stream().mapToInt(Summary::runs).sum(), avg(parts, Summary::mape),
                    avg(parts, Summary::mapeStd), avg(parts, Summary::acc10), avg(parts, Summary::acc10Std),
                    avg(parts, Summary::rho), avg(parts, Summary::rhoStd), avg(parts, Summary::seconds));
        }

        private static double avg(List<Summary> parts, ToDoubleFunction<Summary> f) {
            return mean(parts.stream().mapToDouble(f).toArray());
        }

        private static double[] values(List<DeviceRun> runs, ToDoubleFunction<DeviceRun> f) {
            return runs.stream().mapToDouble(f).toArray();
        }
    }

    /** A source device: its own model against the multi-head model. */
    public record SourceRow(String device, Summary perDevice, Summary multiHead) {
    }

    /** A target device (or {@code average}) at one few-shot size: method → its numbers. */
    public record FewShotRow(String device, int shots, Map<String, Summary> methods) {
    }

    public static MultiDeviceReport of(List<DeviceRun> runs) {
        Map<String, Map<String, List<DeviceRun>>> source = new LinkedHashMap<>();
        Map<String, Map<Integer, Map<String, List<DeviceRun>>>> target = new LinkedHashMap<>();
        for (DeviceRun r : runs) {
            if (FEW_SHOT_METHODS.contains(r.method())) {
                target.computeIfAbsent(r.device(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.shots(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
            } else {
                source.computeIfAbsent(r.device(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
            }
        }
        List<SourceRow> sourceRows = new ArrayList<>();
        source.forEach((device, byMethod) -> sourceRows.add(new SourceRow(device,
                summary(byMethod.get(MultiDeviceExperiment.PER_DEVICE)),
                summary(byMethod.get(MultiDeviceExperiment.MULTI_HEAD)))));
        if (sourceRows.size() > 1) {
            sourceRows.add(new SourceRow("average", average(sourceRows.stream().map(SourceRow::perDevice).toList()),
                    average(sourceRows.stream().map(SourceRow::multiHead).toList())));
        }
        List<FewShotRow> fewShotRows = new ArrayList<>();
        Map<Integer, Map<String, List<Summary>>> perShots = new java.util.TreeMap<>();
        target.forEach((device, byShots) -> byShots.forEach((shots, byMethod) -> {
            Map<String, Summary> cells = new LinkedHashMap<>();
            for (String m : FEW_SHOT_METHODS) {
                if (byMethod.containsKey(m)) {
                    Summary s = Summary.of(byMethod.get(m));
                    cells.put(m, s);
                    perShots.computeIfAbsent(shots, k -> new LinkedHashMap<>())
                            .computeIfAbsent(m, k -> new ArrayList<>()).add(s);
                }
            }
            fewShotRows.add(new FewShotRow(device, shots, cells));
        }));
        if (target.size() > 1) {
            perShots.forEach((shots, byMethod) -> {
                Map<String, Summary> cells = new LinkedHashMap<>();
                byMethod.forEach((m, parts) -> cells.put(m, Summary.average(parts)));
                fewShotRows.add(new FewShotRow("average", shots, cells));
            });
        }
        return new MultiDeviceReport(sourceRows, fewShotRows);
    }

    /** Both tables as text. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        if (!sources.isEmpty()) {
            sb.append("Source devices (pre-training networks; test MAPE, Acc@10 %, Spearman rho):\n");
            TextTable t = new TextTable("device", "per-device MAPE", "Acc@10%", "rho", "fit s",
                    "multi-head MAPE", "Acc@10%", "rho");
            for (SourceRow r : sources) {
                t.row(r.device(), mapeCell(r.perDevice()), accCell(r.perDevice()), rhoCell(r.perDevice()),
                        secondsCell(r.perDevice()), mapeCell(r.multiHead()), accCell(r.multiHead()),
                        rhoCell(r.multiHead()));
            }
            sb.append(t.render());
        }
        if (!fewShot.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("Few-shot target devices (k labelled networks; mean ± std over seeds):\n");
            List<String> header = new ArrayList<>(List.of("device", "k"));
            for (String m : FEW_SHOT_METHODS) {
                header.addAll(List.of(m + " MAPE", "Acc@10%", "rho"));
            }
            TextTable t = new TextTable(header.toArray(String[]::new));
            for (FewShotRow r : fewShot) {
                List<Object> values = new ArrayList<>(List.of(r.device(), r.shots()));
                for (String m : FEW_SHOT_METHODS) {
                    Summary s = r.methods().get(m);
                    values.addAll(s == null ? List.of("-", "-", "-") : List.of(mapeCell(s), accCell(s), rhoCell(s)));
                }
                t.row(values.toArray());
            }
            sb.append(t.render());
        }
        return sb.toString();
    }

    private static Summary summary(List<DeviceRun> runs) {
        return runs == null ? null : Summary.of(runs);
    }

    private static Summary average(List<Summary> parts) {
        return parts.contains(null) ? null : Summary.average(parts);
    }

    private static String mapeCell(Summary s) {
        return s == null ? "-" : pct(s.mape()) + (s.runs() > 1 && s.mapeStd() > 0 ? " ± " + pct(s.mapeStd()) : "");
    }

    private static String accCell(Summary s) {
        return s == null ? "-" : pct(s.acc10());
    }

    private static String rhoCell(Summary s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.3f", s.rho())
                + (s.runs() > 1 && s.rhoStd() > 0 ? String.format(Locale.ROOT, " ± %.3f", s.rhoStd()) : "");
    }

    private static String secondsCell(Summary s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.0f", s.seconds());
    }
}
