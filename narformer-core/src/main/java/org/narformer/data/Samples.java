package org.narformer.data;

import java.util.ArrayList;
import java.util.List;

/** Views of a list of samples for training and evaluation. */
public final class Samples {
    private Samples() {
    }

    /**
     * The value of target {@code name} of each sample, in list order (the measured side of an
     * {@link org.narformer.metrics.EvaluationReport}).
     *
     * @throws IllegalArgumentException naming the sample when one has no such target
     */
    public static double[] targetValues(List<Sample> samples, String name) {
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            Sample s = samples.get(i);
            if (!s.targets().has(name)) {
                throw new IllegalArgumentException("sample '" + s.id() + "' (line " + s.line() + ") has no target '"
                        + name + "' (it has " + s.targets().names() + ")");
            }
            values[i] = s.target(name);
        }
        return values;
    }

    /** The group of each sample, in list order. */
    public static String[] groups(List<Sample> samples) {
        return samples.stream().map(Sample::group).toArray(String[]::new);
    }

    /**
     * One sample per (sample, target): each target becomes a sample with the single target {@code as} and the target's
     * name as its group — the per-device view of the HELP latency tables (group = device, target
     * {@code latency_ms}). Ids are {@code id@target}; source, stage, index and line are kept. Samples are ordered by
     * input sample, then by target-name order.
     */
    public static List<Sample> perTarget(List<Sample> samples, String as) {
        List<Sample> out = new ArrayList<>();
        List<String> single = List.of(as);
        for (Sample s : samples) {
            for (String name : s.targets().names()) {
                out.add(new Sample(s.id() + "@" + name, s.source(), Targets.of(single, s.target(name)), name,
                        s.stage(), s.index(), s.line()));
            }
        }
        return out;
    }
}
