package org.narformer.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named numeric labels of a sample, e.g. {@code latency_ms}, {@code validation}, {@code test} or one latency
 * per device column. Immutable; the name list is shared by all samples of a file. Values are finite.
 */
public final class Targets {
    private static final Targets NONE = new Targets(List.of(), new double[0]);

    private final List<String> names;
    private final double[] values;

    private Targets(List<String> names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** No targets (e.g. the unlabelled NAS-Bench-101 enumeration). */
    public static Targets none() {
        return NONE;
    }

    /**
     * @param names  distinct target names (an immutable list is shared, not copied)
     * @param values one finite value per name (copied)
     */
    public static Targets of(List<String> names, double... values) {
        List<String> n = List.copyOf(names);
        if (n.size() != values.length) {
            throw new IllegalArgumentException(n.size() + " target names but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("target '" + n.get(i) + "' is " + values[i]);
            }
        }
        if (n.stream().distinct().count() != n.size()) {
            throw new IllegalArgumentException("duplicate target names " + n);
        }
        return new Targets(n, values.clone());
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return values.length;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /**
     * The value of target {@code name}.
     *
     * @throws IllegalArgumentException naming the available targets when there is none of that name
     */
    public double get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no target '" + name + "' (available: " + names + ")");
        }
        return values[i];
    }

    /** Name → value in name-list order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && t.names.equals(names) && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
