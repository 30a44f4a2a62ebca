package org.narformer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.narformer.BadInputException;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb101Op;

/**
 * Reads {@code nasbench101/nasbenchvis_data-1k.json} (nasbench-vis): one object of parallel arrays —
 * {@code key} (the official hash), {@code operations} (official labels, −1 input … −2 output, padded to 7 with
 * −3), {@code adjacency} (7×7 0/1 matrices; padding vertices have no edges), {@code 4/12/36/108_final_validation_accuracy},
 * {@code final_training_time}, {@code trainable_parameters} (and a 2-d {@code embedding}, ignored). Entry i
 * becomes a sample with id = key (checked against the hash of the cell), group {@code nasbench101}, the same
 * targets as the labelled CSV ({@link Nb101CsvReader}).
 */
public final class Nb101VisJsonReader implements SampleReader {
    private static final String[] ARRAYS = {"key", "operations", "adjacency", "4_final_validation_accuracy",
        "12_final_validation_accuracy", "36_final_validation_accuracy", "108_final_validation_accuracy",
        "final_training_time", "trainable_parameters"};
    /** The label nasbench-vis pads the operations of cells with fewer than 7 vertices with. */
    private static final int PADDING = -3;
    private static final List<String> TARGETS = List.of("validation", "val_acc_4", "val_acc_12", "val_acc_36",
            "final_training_time", "trainable_parameters");

    @Override
    public List<RowProblem> stream(Path file, ReadPolicy policy, Consumer<Sample> sink) {
        String name = file.toString();
        JsonNode root = JsonEntries.load(file);
        int count = -1;
        for (String a : ARRAYS) {
            JsonNode n = root.get(a);
            if (n == null || !n.isArray()) {
                throw new BadInputException(name, "field '" + a + "'", "missing array (expected the nasbench-vis "
                        + "layout with " + String.join(", ", ARRAYS) + ")");
            }
            if (count >= 0 && n.size() != count) {
                throw new BadInputException(name, "field '" + a + "'", "has " + n.size() + " entries, '" + ARRAYS[0]
                        + "' has " + count);
            }
            count = n.size();
        }
        List<RowProblem> problems = new ArrayList<>();
        JsonEntries.each(count, policy, i -> entry(root, i, name), sink, problems, name);
        return problems;
    }

    private static Sample entry(JsonNode root, int i, String file) {
        String at = "entry " + i;
        String key = root.get("key").get(i).asText();
        JsonNode opsNode = root.get("operations").get(i);
        JsonNode adjNode = root.get("adjacency").get(i);
        if (!opsNode.isArray() || !adjNode.isArray() || adjNode.size() != opsNode.size()) {
            throw new BadInputException(file, at, "operations and adjacency must be arrays of the same size");
        }
        int n = opsNode.size();
        while (n > 0 && opsNode.get(n - 1).isNumber() && opsNode.get(n - 1).asInt() == PADDING) {
            n--;
        }
        List<Nb101Op> ops = new ArrayList<>(n);
        int[][] matrix = new int[n][];
        for (int v = 0; v < n; v++) {
            int label = JsonEntries.integer(opsNode.get(v), file, at, "operations");
            Nb101Op op = Nb101Op.byLabel(label);
            if (op == null) {
                throw new BadInputException(file, at + ", field 'operations'", "label " + label + " is not -1, 0, "
                        + "1, 2 or -2");
            }
            ops.add(op);
            JsonNode rowNode = adjNode.get(v);
            if (!rowNode.isArray()) {
                throw new BadInputException(file, at + ", field 'adjacency'", "row " + v + " is not an array");
            }
            matrix[v] = new int[n];
            for (int w = 0; w < rowNode.size(); w++) {
                int bit = JsonEntries.integer(rowNode.get(w), file, at, "adjacency");
                if (w < n) {
                    matrix[v][w] = bit;
                } else if (bit != 0) {
                    throw new BadInputException(file, at + ", field 'adjacency'", "edge " + v + "->" + w
                            + " reaches a padding vertex");
                }
            }
        }
        Nb101Cell cell = Nb101JsonCells.cell(matrix, ops, file, at);
        Nb101JsonCells.checkHash(cell, key, file, at);
        Targets targets = Targets.of(TARGETS,
                accuracy(root, "108_final_validation_accuracy", i, file, at),
                accuracy(root, "4_final_validation_accuracy", i, file, at),
                accuracy(root, "12_final_validation_accuracy", i, file, at),
                accuracy(root, "36_final_validation_accuracy", i, file, at),
                JsonEntries.number(root.get("final_training_time").get(i), file, at, "final_training_time"),
                JsonEntries.integer(root.get("trainable_parameters").get(i), file, at, "trainable_parameters"));
        return new Sample(key, new GraphSource.Nb101(cell), targets, Nb101CsvReader.GROUP, Stage.NONE, i, 0);
    }

    private static double accuracy(JsonNode root, String field, int i, String file, String at) {
        double v = JsonEntries.number(root.get(field).get(i), file, at, field);
        if (v < 0 || v > 1) {
            throw new BadInputException(file, at + ", field '" + field + "'", "accuracy " + v + " is outside 0..1");
        }
        return v;
    }
}
