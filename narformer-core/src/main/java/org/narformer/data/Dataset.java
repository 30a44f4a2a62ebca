package org.narformer.data;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The samples read from one file, in file order, with the rows that were skipped (only under
 * {@link ReadPolicy#LENIENT}).
 */
public record Dataset(Path file, List<Sample> samples, List<RowProblem> problems) {
    public Dataset {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    public int size() {
        return samples.size();
    }

    /** The target names of the samples, in first-seen order. */
    public List<String> targetNames() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.addAll(s.targets().names()));
        return List.copyOf(names);
    }

    /** Sample count per group, in group-name order. */
    public Map<String, Integer> groupCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.group(), 1, Integer::sum));
        return counts;
    }
}
