package org.narformer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.narformer.BadInputException;

/**
 * Base of the line-oriented readers (CSV and the space-separated NNLQP list): streams the file (gzip when the name
 * ends in {@code .gz}), checks the header, splits each line into exactly the header's columns without regular
 * expressions, rejects duplicate ids, and applies the {@link ReadPolicy} to bad rows.
 */
abstract class DelimitedReader implements SampleReader {
    private static final int BUFFER = 1 << 16;

    /** Turns the fields of one row into a sample, or throws a located {@link BadInputException}. */
    @FunctionalInterface
    interface RowParser {
        Sample parse(Row row);
    }

    /** The field delimiter. */
    abstract char delimiter();

    /**
     * Checks the header (or, for a header-less format, receives {@link #headerlessColumns()}) and returns the
     * parser for the rows.
     *
     * @throws BadInputException at line 1 when the header is not this format's
     */
    abstract RowParser open(String file, String[] header);

    /** The columns of a format without a header line; null (the default) when the first line is the header. */
    String[] headerlessColumns() {
        return null;
    }

    @Override
    public final List<RowProblem> stream(Path file, ReadPolicy policy, Consumer<Sample> sink) {
        String name = file.toString();
        List<RowProblem> problems = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            int line = 0;
            String[] columns = headerlessColumns();
            if (columns == null) {
                String header = reader.readLine();
                line++;
                if (header == null) {
                    throw new BadInputException(name, "line 1", "empty file, expected a header");
                }
                columns = splitHeader(header);
            }
            RowParser parser = open(name, columns);
            Map<String, Integer> firstLineOfId = new HashMap<>();
            int dataIndex = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                try {
                    Sample s = parser.parse(Row.split(name, line, dataIndex, columns, text, delimiter()));
                    Integer first = firstLineOfId.putIfAbsent(s.id(), line);
                    if (first != null) {
                        throw new BadInputException(name, "line " + line, "duplicate id '" + s.id()
                                + "' (first at line " + first + ")");
                    }
                    sink.accept(s);
                } catch (BadInputException e) {
                    if (policy == ReadPolicy.STRICT) {
                        throw e;
                    }
                    problems.add(RowProblem.of(e));
                }
                dataIndex++;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
        return problems;
    }

    private String[] splitHeader(String header) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        char d = delimiter();
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == d) {
                parts.add(header.substring(start, i).trim());
                start = i + 1;
            }
        }
        return parts.toArray(new String[0]);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, BUFFER);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Checks that {@code header} is exactly {@code expected}.
     *
     * @throws BadInputException at line 1 naming the expected header
     */
    static void expectHeader(String file, String[] header, String... expected) {
        if (!java.util.Arrays.equals(header, expected)) {
            throw new BadInputException(file, "line 1", "expected the header '" + String.join(",", expected)
                    + "', found '" + String.join(",", header) + "'");
        }
    }
}
