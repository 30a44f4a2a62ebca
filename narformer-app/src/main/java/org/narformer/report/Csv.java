package org.narformer.report;

/** CSV fields as RFC 4180 writes them. */
public final class Csv {
    private Csv() {
    }

    /** {@code s} as one field: quoted, with inner quotes doubled, when it holds a comma, quote or line break. */
    public static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
