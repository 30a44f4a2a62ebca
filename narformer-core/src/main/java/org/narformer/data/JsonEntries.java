package org.narformer.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.narformer.BadInputException;

/** Shared parts of the JSON readers: loading the tree and applying the {@link ReadPolicy} entry by entry. */
final class JsonEntries {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonEntries() {
    }

    /** The JSON tree of {@code file}; malformed JSON is a located {@link BadInputException}. */
    static JsonNode load(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            throw new BadInputException(file.toString(), at, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), null, "file not found");
        } catch (IOException e) {
            if (!file.toFile().isFile()) {
                throw new BadInputException(file.toString(), null, "file not found");
            }
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses one entry. */
    @FunctionalInterface
    interface EntryParser {
        Sample parse(int entry);
    }

    /** Runs {@code parser} over entries 0..count−1 under {@code policy}, rejecting duplicate ids. */
    static void each(int count, ReadPolicy policy, EntryParser parser, Consumer<Sample> sink,
                     List<RowProblem> problems, String file) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            try {
                Sample s = parser.parse(i);
                Integer first = seen.putIfAbsent(s.id(), i);
                if (first != null) {
                    throw new BadInputException(file, "entry " + i, "duplicate id '" + s.id() + "' (first at entry "
                            + first + ")");
                }
                sink.accept(s);
            } catch (BadInputException e) {
                if (policy == ReadPolicy.STRICT) {
                    throw e;
                }
                problems.add(RowProblem.of(e));
            }
        }
    }

    /** A finite number, or a located error. */
    static double number(JsonNode node, String file, String at, String field) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new BadInputException(file, at + ", field '" + field + "'", "expected a finite number, found "
                    + node);
        }
        return node.asDouble();
    }

    /** An integer, or a located error. */
    static int integer(JsonNode node, String file, String at, String field) {
        double v = number(node, file, at, field);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new BadInputException(file, at + ", field '" + field + "'", "expected an integer, found " + node);
        }
        return (int) v;
    }
}
