package org.narformer.train;

import org.narformer.BadInputException;
import org.narformer.cells.CellSpace;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb201Cell;
import org.narformer.data.DataFile;
import org.narformer.data.GraphSource;
import org.narformer.data.Sample;
import org.narformer.graph.NetworkGraph;

/**
 * A NAS-Bench search space as the accuracy protocol uses it (REFERENCE.md §1.2–1.3, §2.3): its data file, the
 * label the model is trained and selected on, and the label Kendall τ is reported against.
 */
public enum NasBenchSpace {
    /**
     * NAS-Bench-201: all 15,625 cells of {@code nb201_merged.csv}; trained on {@code cifar10valid_val_acc}
     * (target {@code validation}, a fraction), tested against {@code cifar10_test_acc} (target {@code test}).
     */
    NB201(DataFile.NB201, DataFile.NB201, CellSpace.NB201, "validation", "test",
            "cifar10_test_acc (CIFAR-10 test accuracy, 200 epochs, mean over seeds), as the reference"),
    /**
     * NAS-Bench-101: the 30,001 labelled cells of {@code nb101_vis30k.csv} (our pool, not the 423,624 of the
     * reference); trained on and tested against {@code val_acc_108}, because test accuracies are not available.
     */
    NB101(DataFile.NB101_VIS30K, DataFile.NB101_ALL, CellSpace.NB101, "validation", "validation",
            "val_acc_108 (validation accuracy of one training run): NB101 test labels are not available, so this "
                    + "tau is not comparable to published NB101 numbers (those use the test accuracy over 423,624 "
                    + "cells)");

    private final DataFile file;
    private final DataFile everyCell;
    private final CellSpace cells;
    private final String trainLabel;
    private final String testLabel;
    private final String testLabelNote;

    NasBenchSpace(DataFile file, DataFile everyCell, CellSpace cells, String trainLabel, String testLabel,
                  String testLabelNote) {
        this.file = file;
        this.everyCell = everyCell;
        this.cells = cells;
        this.trainLabel = trainLabel;
        this.testLabel = testLabel;
        this.testLabelNote = testLabelNote;
    }

    /** The labelled data file of the space. */
    public DataFile file() {
        return file;
    }

    /** The file holding every cell of the space (NB201: the same 15,625; NB101: all 423,624, unlabelled). */
    public DataFile everyCell() {
        return everyCell;
    }

    public CellSpace cells() {
        return cells;
    }

    /** The target trained on and used for validation-set selection. */
    public String trainLabel() {
        return trainLabel;
    }

    /** The target Kendall τ over all cells is computed against. */
    public String testLabel() {
        return testLabel;
    }

    /** What {@link #testLabel()} is, for reports. */
    public String testLabelNote() {
        return testLabelNote;
    }

    /** The cell graph of a sample of {@link #file()}. */
    public NetworkGraph graph(Sample sample) {
        GraphSource source = sample.source();
        if (source instanceof GraphSource.Nb201 nb201 && this == NB201) {
            return nb201.cell().toGraph();
        }
        if (source instanceof GraphSource.Nb101 nb101 && this == NB101) {
            return nb101.cell().toGraph();
        }
        throw new BadInputException("sample " + sample.id(), "line " + sample.line(), "a " + source.kind()
                + " sample is not a " + name().toLowerCase() + " cell");
    }

    /**
     * Parses one cell as a user writes it: an NB201 architecture string {@code |op~0|+|op~0|op~1|+|...|}, or an
     * NB101 cell {@code ADJ_UPPER_BITS:LABELS} (the data-file columns, labels separated by commas or spaces,
     * e.g. {@code 100110100001001010101:-1,0,2,0,0,1,-2}).
     *
     * @param source where the text comes from (argument number, file and line) for the error message
     */
    public NetworkGraph parse(String text, String source) {
        String t = text.strip();
        if (this == NB201) {
            return Nb201Cell.parse(t, source).toGraph();
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new BadInputException(source, "'" + t + "'",
                    "an NB101 cell is ADJ_UPPER_BITS:LABELS, e.g. 100110100001001010101:-1,0,2,0,0,1,-2");
        }
        return Nb101Cell.parse(t.substring(0, colon), t.substring(colon + 1).replace(',', ' '), source).toGraph();
    }
}
