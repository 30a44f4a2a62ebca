package org.narformer.data;

import java.util.List;

import org.narformer.BadInputException;
import org.narformer.cells.Nb101Cell;

/**
 * Reads the NAS-Bench-101 CSV files: {@code nasbench101/nb101_vis30k.csv} (labelled) and
 * {@code nasbench101/nb101_all_423624_graphs.csv.gz} (every cell, no labels; streamed). The header decides which:
 * {@code hash,num_vertices,adj_upper_bits,labels} then, for the labelled file,
 * {@code val_acc_4,val_acc_12,val_acc_36,val_acc_108,final_training_time,trainable_parameters}.
 * Sample id = the official cell hash, group {@code nasbench101}, index = row position. Targets of the labelled
 * file: {@code validation} (= {@code val_acc_108}, a fraction, the validation accuracy of one training run),
 * {@code val_acc_4}, {@code val_acc_12}, {@code val_acc_36}, {@code final_training_time} (s),
 * {@code trainable_parameters}. There is no test accuracy.
 *
 * <p>With {@code verifyHashes} each row's hash is recomputed from the cell and a mismatch is a bad row.
 */
public final class Nb101CsvReader extends DelimitedReader {
    /** Group of every sample. */
    public static final String GROUP = "nasbench101";
    static final String[] CELL_COLUMNS = {"hash", "num_vertices", "adj_upper_bits", "labels"};
    static final String[] LABELLED_HEADER = {"hash", "num_vertices", "adj_upper_bits", "labels", "val_acc_4",
        "val_acc_12", "val_acc_36", "val_acc_108", "final_training_time", "trainable_parameters"};
    private static final List<String> TARGETS = List.of("validation", "val_acc_4", "val_acc_12", "val_acc_36",
            "final_training_time", "trainable_parameters");

    private final boolean verifyHashes;

    /** A reader that trusts the hash column. */
    public Nb101CsvReader() {
        this(false);
    }

    public Nb101CsvReader(boolean verifyHashes) {
        this.verifyHashes = verifyHashes;
    }

    @Override
    char delimiter() {
        return ',';
    }

    @Override
    RowParser open(String file, String[] header) {
        boolean labelled = header.length == LABELLED_HEADER.length;
        expectHeader(file, header, labelled ? LABELLED_HEADER : CELL_COLUMNS);
        return row -> {
            Nb101Cell cell = cell(row);
            String hash = row.text(0);
            if (hash.length() != 32) {
                throw row.error(0, "'" + hash + "' is not a 32-digit NAS-Bench-101 hash");
            }
            if (verifyHashes) {
                String actual = cell.hash();
                if (!actual.equals(hash)) {
                    throw row.error(0, "hash " + hash + " does not match the cell (its hash is " + actual + ")");
                }
            }
            Targets targets = labelled
                    ? Targets.of(TARGETS, row.fraction(7), row.fraction(4), row.fraction(5), row.fraction(6),
                            row.decimal(8), row.count(9))
                    : Targets.none();
            return new Sample(hash, new GraphSource.Nb101(cell), targets, GROUP, Stage.NONE, row.dataIndex(),
                    row.line());
        };
    }

    private static Nb101Cell cell(Row row) {
        int vertices = row.count(1);
        Nb101Cell cell;
        try {
            cell = Nb101Cell.parse(row.text(2), row.text(3), row.atLine());
        } catch (BadInputException e) {
            throw row.error(e.location().orElse("").startsWith("labels") ? 3 : 2, e);
        }
        if (cell.vertexCount() != vertices) {
            throw row.error(1, "num_vertices is " + vertices + " but the labels give " + cell.vertexCount());
        }
        return cell;
    }
}
