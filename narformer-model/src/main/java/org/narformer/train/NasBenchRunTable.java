package org.narformer.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.narformer.TextTable;
import org.narformer.metrics.SeedStats;

/**
 * NAS-Bench runs side by side, and grouped by configuration — every protocol setting but the seed and the
 * settings that do not change training ({@link #IGNORED}) — with the mean and sample standard deviation over the
 * finished runs of each group. Unfinished runs are listed but not counted.
 */
public final class NasBenchRunTable {
    /** Protocol fields that do not define a group: the seed, and what only changes reporting. */
    public static final Set<String> IGNORED = Set.of("seed", "allEvery", "evalBatchSize", "showProgress");

    private static final List<String> IN_LABEL = List.of("modelFamily", "space", "trainCount", "epochs");

    private final List<NasBenchRunSummary> runs;
    private final List<Group> groups;

    /**
     * One configuration and its runs.
     *
     * @param label    model, space, N and epochs, plus every setting that differs between groups of the same model
     * @param settings the configuration (protocol fields but {@link #IGNORED})
     * @param runs     its runs, in the order given
     */
    public record Group(String label, Map<String, Object> settings, List<NasBenchRunSummary> runs) {
        /** The finished runs, which the statistics are over. */
        public List<NasBenchRunSummary> finished() {
            return runs.stream().filter(NasBenchRunSummary::finished).toList();
        }

        /** Mean and sample standard deviation of {@code field} over the finished runs where it is recorded. */
        public double[] meanStd(ToDoubleFunction<NasBenchRunSummary> field) {
            double[] v = finished().stream().mapToDouble(field).filter(x -> !Double.isNaN(x)).toArray();
            return v.length == 0 ? new double[] {Double.NaN, Double.NaN}
                    : new double[] {SeedStats.mean(v), SeedStats.std(v)};
        }
    }

    private NasBenchRunTable(List<NasBenchRunSummary> runs, List<Group> groups) {
        this.runs = List.copyOf(runs);
        this.groups = List.copyOf(groups);
    }

    /** Groups {@code runs} by configuration, in order of first appearance. */
    public static NasBenchRunTable of(List<NasBenchRunSummary> runs) {
        Map<Map<String, Object>, List<NasBenchRunSummary>> byKey = new LinkedHashMap<>();
        for (NasBenchRunSummary run : runs) {
            byKey.computeIfAbsent(settings(run.config()), k -> new ArrayList<>()).add(run);
        }
        Set<String> differing = new TreeSet<>();
        for (Map<String, Object> key : byKey.keySet()) {
            for (Map<String, Object> other : byKey.keySet()) {
                if (!Objects.equals(key.get("modelFamily"), other.get("modelFamily"))) {
                    continue;
                }
                key.forEach((field, value) -> {
                    if (!IN_LABEL.contains(field) && !Objects.equals(value, other.get(field))) {
                        differing.add(field);
                    }
                });
            }
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(new Group(label(key, differing), key, List.copyOf(members))));
        return new NasBenchRunTable(runs, groups);
    }

    public List<NasBenchRunSummary> runs() {
        return runs;
    }

    public List<Group> groups() {
        return groups;
    }

    /** The runs, one per line, then the groups with mean ± sd over seeds. */
    public String render() {
        TextTable perRun = new TextTable("run", "model", "space", "N", "epochs", "seed", "selected epoch",
                "tau selected", "tau last", "EMA tau selected", "steps", "skipped", "s/step", "s/step (median epoch)",
                "wall s", "build", "cpu");
        for (NasBenchRunSummary r : runs) {
            NasBenchConfig c = r.config();
            perRun.row(r.name(), c.modelFamily(), c.space(), c.trainCount(),
                    r.finished() ? c.epochs() : r.epochsDone() + " of " + c.epochs() + " (unfinished)", c.seed(),
                    r.finished() ? r.selectedEpoch() : "-", tau(r.selectedTau()), tau(r.lastTau()),
                    tau(r.emaSelectedTau()), r.steps(), r.skippedSteps() < 0 ? "-" : r.skippedSteps(),
                    secondsPerStep(r.secondsPerStep()), secondsPerStep(r.medianEpochSecondsPerStep()),
                    seconds(r.wallSeconds()), r.shortBuild(), r.cpu() == null ? "-" : r.cpu());
        }
        TextTable perGroup = new TextTable("configuration", "finished runs", "tau selected (mean ± sd)",
                "tau last (mean ± sd)", "EMA tau selected (mean ± sd)", "wall s (mean)");
        for (Group g : groups) {
            perGroup.row(g.label(), g.finished().size(), meanStd(g.meanStd(NasBenchRunSummary::selectedTau)),
                    meanStd(g.meanStd(NasBenchRunSummary::lastTau)),
                    meanStd(g.meanStd(NasBenchRunSummary::emaSelectedTau)),
                    seconds(g.meanStd(NasBenchRunSummary::wallSeconds)[0]));
        }
        return perRun.render() + "\n" + perGroup.render();
    }

    /** The table as JSON-ready maps: every run, and every group with its statistics. */
    public Map<String, Object> toMap() {
        List<Object> groupMaps = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", g.label());
            m.put("settings", g.settings());
            m.put("runs", g.runs().stream().map(NasBenchRunSummary::name).toList());
            m.put("finishedRuns", g.finished().size());
            m.put("selectedTau", stats(g.meanStd(NasBenchRunSummary::selectedTau)));
            m.put("lastTau", stats(g.meanStd(NasBenchRunSummary::lastTau)));
            m.put("emaSelectedTau", stats(g.meanStd(NasBenchRunSummary::emaSelectedTau)));
            m.put("wallSeconds", stats(g.meanStd(NasBenchRunSummary::wallSeconds)));
            groupMaps.add(m);
        }
        List<Object> runMaps = new ArrayList<>();
        for (NasBenchRunSummary r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("protocol", r.config().toMap());
            m.put("finished", r.finished());
            m.put("epochsDone", r.epochsDone());
            m.put("selectedEpoch", r.selectedEpoch());
            m.put("selectedTau", r.selectedTau());
            m.put("lastTau", r.lastTau());
            m.put("emaSelectedTau", r.emaSelectedTau());
            m.put("steps", r.steps());
            m.put("skippedSteps", r.skippedSteps());
            m.put("secondsPerStep", r.secondsPerStep());
            m.put("medianEpochSecondsPerStep", r.medianEpochSecondsPerStep());
            m.put("wallSeconds", r.wallSeconds());
            m.put("build", r.build());
            m.put("cpu", r.cpu());
            runMaps.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runMaps);
        out.put("groups", groupMaps);
        return out;
    }

    private static Map<String, Object> settings(NasBenchConfig config) {
        Map<String, Object> all = config.toMap();
        Map<String, Object> key = new LinkedHashMap<>();
        all.forEach((field, value) -> {
            if (!IGNORED.contains(field)) {
                key.put(field, value);
            }
        });
        return key;
    }

    private static String label(Map<String, Object> key, Set<String> differing) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %s N=%s %s epochs", key.get("modelFamily"),
                key.get("space"), key.get("trainCount"), key.get("epochs")));
        for (String field : differing) {
            s.append(' ').append(field).append('=').append(key.get(field));
        }
        return s.toString();
    }

    private static Map<String, Object> stats(double[] meanStd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", meanStd[0]);
        m.put("std", meanStd[1]);
        return m;
    }

    private static String seconds(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String secondsPerStep(double v) {
        return v > 0 ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static String tau(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String meanStd(double[] v) {
        return Double.isNaN(v[0]) ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f", v[0], v[1]);
    }
}
