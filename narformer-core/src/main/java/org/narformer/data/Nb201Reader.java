package org.narformer.data;

import java.util.List;

import org.narformer.BadInputException;
import org.narformer.cells.Nb201Cell;

/**
 * Reads {@code nasbench201/nb201_merged.csv}: every NAS-Bench-201 architecture, row i = official index i.
 * Sample id = the index, group {@code nasbench201}. Targets, accuracies as fractions (the file has %):
 * {@code validation} (cifar10-valid validation accuracy, the V2 training label), {@code test} (cifar10 test
 * accuracy, the V2 evaluation label), {@code cifar100_validation}, {@code cifar100_test},
 * {@code imagenet16_validation}, {@code imagenet16_test}, and the parameter counts {@code params_cifar10},
 * {@code params_cifar100}, {@code params_imagenet16}.
 */
public final class Nb201Reader extends DelimitedReader {
    /** Group of every sample. */
    public static final String GROUP = "nasbench201";
    static final String[] HEADER = {"index", "arch_str", "cifar10_test_acc", "cifar10valid_val_acc",
        "cifar100_val_acc", "cifar100_test_acc", "imagenet16_val_acc", "imagenet16_test_acc", "params_cifar10",
        "params_cifar100", "params_imagenet16"};
    private static final List<String> TARGETS = List.of("validation", "test", "cifar100_validation",
            "cifar100_test", "imagenet16_validation", "imagenet16_test", "params_cifar10", "params_cifar100",
            "params_imagenet16");

    @Override
    char delimiter() {
        return ',';
    }

    @Override
    RowParser open(String file, String[] header) {
        expectHeader(file, header, HEADER);
        return row -> {
            int index = row.sequentialIndex(0);
            Nb201Cell cell = cell(row, 1);
            Targets targets = Targets.of(TARGETS, row.percentAsFraction(3), row.percentAsFraction(2),
                    row.percentAsFraction(4), row.percentAsFraction(5), row.percentAsFraction(6),
                    row.percentAsFraction(7), row.count(8), row.count(9), row.count(10));
            return new Sample(Integer.toString(index), new GraphSource.Nb201(cell), targets, GROUP, Stage.NONE,
                    index, row.line());
        };
    }

    /** The NB201 cell in {@code column}, parse errors located at the row. */
    static Nb201Cell cell(Row row, int column) {
        try {
            return Nb201Cell.parse(row.text(column), row.at(column));
        } catch (BadInputException e) {
            throw row.error(column, e);
        }
    }
}
