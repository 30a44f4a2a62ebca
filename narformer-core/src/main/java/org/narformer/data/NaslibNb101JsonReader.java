package org.narformer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.narformer.BadInputException;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb101Op;

/**
 * Reads {@code nasbench101/naslib_zc_nasbench101_500.json} (NASLib zero-cost benchmark):
 * {@code {"nasbench101": {"cifar10": {"<spec tuple>": {...}}}}}. The key is NASLib's
 * {@code convert_spec_to_tuple}: the flattened 7×7 adjacency then 7 op indices into
 * {@code [input, output, maxpool3x3, conv1x1-bn-relu, conv3x3-bn-relu]}, before pruning. Sample id = the entry
 * position (not the cell hash: distinct specs can prune to the same cell, e.g. entries 5 and 6 of the distributed
 * file both prune to input→output, with different accuracies), group {@code nasbench101}, index = entry position. Targets: {@code validation} ({@code val_accuracy} as a
 * fraction; the file has %), then every other numeric field as named in the file ({@code flops}, {@code params}
 * and the zero-cost scores), in file order.
 */
public final class NaslibNb101JsonReader implements SampleReader {
    /** NASLib's op order ({@code naslib/search_spaces/nasbench101/conversions.py}). */
    private static final Nb101Op[] NASLIB_OPS = {Nb101Op.INPUT, Nb101Op.OUTPUT, Nb101Op.MAXPOOL3X3, Nb101Op.CONV1X1,
        Nb101Op.CONV3X3};
    private static final int V = Nb101Cell.MAX_VERTICES;
    private static final String ACCURACY = "val_accuracy";

    @Override
    public List<RowProblem> stream(Path file, ReadPolicy policy, Consumer<Sample> sink) {
        String name = file.toString();
        JsonNode entries = JsonEntries.load(file).path("nasbench101").path("cifar10");
        if (!entries.isObject()) {
            throw new BadInputException(name, "field 'nasbench101.cifar10'", "missing object (expected NASLib's "
                    + "zero-cost benchmark layout)");
        }
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(entries.size());
        entries.fields().forEachRemaining(list::add);
        List<RowProblem> problems = new ArrayList<>();
        JsonEntries.each(list.size(), policy, i -> entry(list.get(i), i, name), sink, problems, name);
        return problems;
    }

    private static Sample entry(Map.Entry<String, JsonNode> e, int i, String file) {
        String at = "entry " + i;
        int[] spec = specTuple(e.getKey(), file, at);
        int[][] matrix = new int[V][V];
        for (int k = 0; k < V * V; k++) {
            matrix[k / V][k % V] = spec[k];
        }
        List<Nb101Op> ops = new ArrayList<>(V);
        for (int v = 0; v < V; v++) {
            int code = spec[V * V + v];
            if (code < 0 || code >= NASLIB_OPS.length) {
                throw new BadInputException(file, at + ", key", "op index " + code + " is not 0..4");
            }
            ops.add(NASLIB_OPS[code]);
        }
        Nb101Cell cell = Nb101JsonCells.cell(matrix, ops, file, at);
        JsonNode fields = e.getValue();
        if (!fields.isObject()) {
            throw new BadInputException(file, at, "expected an object of scores");
        }
        double accuracy = JsonEntries.number(fields.get(ACCURACY), file, at, ACCURACY);
        if (accuracy < 0 || accuracy > 100) {
            throw new BadInputException(file, at + ", field '" + ACCURACY + "'", "accuracy " + accuracy
                    + " is outside 0..100 %");
        }
        List<String> names = new ArrayList<>();
        names.add("validation");
        List<Double> values = new ArrayList<>();
        values.add(accuracy / 100);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals(ACCURACY)) {
                names.add(f.getKey());
                values.add(JsonEntries.number(f.getValue(), file, at, f.getKey()));
            }
        }
        Targets targets = Targets.of(names, values.stream().mapToDouble(Double::doubleValue).toArray());
        return new Sample(Integer.toString(i), new GraphSource.Nb101(cell), targets, Nb101CsvReader.GROUP, Stage.NONE, i, 0);
    }

    /** The 56 integers of a key {@code "(0, 1, …, 1)"}. */
    private static int[] specTuple(String key, String file, String at) {
        String s = key.trim();
        if (!s.startsWith("(") || !s.endsWith(")")) {
            throw new BadInputException(file, at + ", key", "expected a tuple '(…)', found '" + key + "'");
        }
        String[] parts = s.substring(1, s.length() - 1).split(",", -1);
        int expected = V * V + V;
        if (parts.length != expected) {
            throw new BadInputException(file, at + ", key", "expected " + expected + " integers (7×7 adjacency, "
                    + "7 ops), found " + parts.length);
        }
        int[] spec = new int[expected];
        for (int k = 0; k < expected; k++) {
            try {
                spec[k] = Integer.parseInt(parts[k].trim());
            } catch (NumberFormatException ex) {
                throw new BadInputException(file, at + ", key", "item " + (k + 1) + " '" + parts[k].trim()
                        + "' is not an integer");
            }
        }
        return spec;
    }
}
