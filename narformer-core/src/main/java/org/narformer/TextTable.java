package org.narformer;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: numbers right-aligned, text left-aligned, a rule under the header.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; values are rendered with {@link String#valueOf(Object)}. */
    public TextTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " cells, header " + header.size());
        }
        List<String> r = new ArrayList<>(values.length);
        for (Object v : values) {
            r.add(String.valueOf(v));
        }
        rows.add(r);
        return this;
    }

    public String render() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
                numeric[c] &= r.get(c).matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?( ± [0-9.]+)?");
            }
        }
        StringBuilder sb = new StringBuilder();
        append(sb, header, width, numeric);
        for (int c = 0; c < width.length; c++) {
            sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            append(sb, r, width, numeric);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String v = cells.get(c);
            String pad = " ".repeat(width[c] - v.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + v : v + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
