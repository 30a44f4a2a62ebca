package org.narformer.data;

import org.narformer.BadInputException;

/**
 * One data line of a delimited text file, split into its fields, with parsers that report bad values by file,
 * line and column name.
 */
final class Row {
    private final String file;
    private final int line;
    private final int dataIndex;
    private final String[] columns;
    private final String[] fields;

    Row(String file, int line, int dataIndex, String[] columns, String[] fields) {
        this.file = file;
        this.line = line;
        this.dataIndex = dataIndex;
        this.columns = columns;
        this.fields = fields;
    }

    /**
     * Splits {@code text} at every {@code delimiter} (no quoting, no regex) into exactly {@code columns.length}
     * fields.
     *
     * @throws BadInputException naming the line when the count differs
     */
    static Row split(String file, int line, int dataIndex, String[] columns, String text, char delimiter) {
        int n = columns.length;
        String[] fields = new String[n];
        int count = 0;
        int start = 0;
        int length = text.length();
        while (true) {
            int end = text.indexOf(delimiter, start);
            if (end < 0) {
                end = length;
            }
            if (count < n) {
                fields[count] = text.substring(start, end);
            }
            count++;
            if (end == length) {
                break;
            }
            start = end + 1;
        }
        if (count != n) {
            throw new BadInputException(file, "line " + line, "expected " + n + " columns, found " + count
                    + (text.isEmpty() ? " (empty line)" : ""));
        }
        return new Row(file, line, dataIndex, columns, fields);
    }

    int line() {
        return line;
    }

    /** 0-based position of this row among the file's data rows (bad rows included). */
    int dataIndex() {
        return dataIndex;
    }

    String text(int column) {
        return fields[column];
    }

    /** Where a column is, for messages: {@code line 12, column 'latency_ms'}. */
    String at(int column) {
        return "line " + line + ", column '" + columns[column] + "'";
    }

    String atLine() {
        return "line " + line;
    }

    BadInputException error(int column, String problem) {
        return new BadInputException(file, at(column), problem);
    }

    /** A cell-parse error from {@code org.narformer.cells} re-anchored at this row and column. */
    BadInputException error(int column, BadInputException cause) {
        String detail = cause.location().map(l -> l + ": ").orElse("");
        return new BadInputException(file, at(column), detail + cause.problem(), cause);
    }

    /** A finite decimal. */
    double decimal(int column) {
        String s = fields[column];
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(column, "'" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw error(column, "'" + s + "' is not a finite number");
        }
        return v;
    }

    /** A finite decimal &gt; 0 (latencies: relative errors divide by them). */
    double positive(int column) {
        double v = decimal(column);
        if (!(v > 0)) {
            throw error(column, "'" + fields[column] + "' must be positive");
        }
        return v;
    }

    /** An accuracy in % (0..100) returned as a fraction. */
    double percentAsFraction(int column) {
        double v = decimal(column);
        if (v < 0 || v > 100) {
            throw error(column, "accuracy '" + fields[column] + "' is outside 0..100 %");
        }
        return v / 100;
    }

    /** An accuracy given as a fraction (0..1). */
    double fraction(int column) {
        double v = decimal(column);
        if (v < 0 || v > 1) {
            throw error(column, "accuracy '" + fields[column] + "' is outside 0..1");
        }
        return v;
    }

    /** A non-negative decimal integer. */
    int count(int column) {
        String s = fields[column];
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(column, "'" + s + "' is not an integer");
        }
        if (v < 0) {
            throw error(column, "'" + s + "' must not be negative");
        }
        return v;
    }

    /** An index column that must equal this row's position (row i = index i). */
    int sequentialIndex(int column) {
        int v = count(column);
        if (v != dataIndex) {
            throw error(column, "index " + v + " out of sequence, expected " + dataIndex);
        }
        return v;
    }
}
