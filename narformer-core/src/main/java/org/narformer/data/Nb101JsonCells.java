package org.narformer.data;

import java.util.List;

import org.narformer.BadInputException;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb101Op;

/** Builds and checks the NAS-Bench-101 cells of the JSON readers, with errors located at the entry. */
final class Nb101JsonCells {
    private Nb101JsonCells() {
    }

    /** The cell; a malformed matrix or op list, or an input that does not reach the output, is a located error. */
    static Nb101Cell cell(int[][] matrix, List<Nb101Op> ops, String file, String at) {
        Nb101Cell cell;
        try {
            cell = Nb101Cell.of(matrix, ops);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, at, "bad cell: " + e.getMessage());
        }
        try {
            cell.pruned();
        } catch (BadInputException e) {
            throw new BadInputException(file, at, "bad cell: " + e.problem());
        }
        return cell;
    }

    /** Checks that {@code key} is the official hash of {@code cell}. */
    static void checkHash(Nb101Cell cell, String key, String file, String at) {
        String actual = cell.hash();
        if (!actual.equals(key)) {
            throw new BadInputException(file, at + ", field 'key'", "key " + key + " does not match the cell (its "
                    + "hash is " + actual + ")");
        }
    }
}
