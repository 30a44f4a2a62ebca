package org.narformer.data;

import org.narformer.BadInputException;

/**
 * A bad row skipped under {@link ReadPolicy#LENIENT}.
 *
 * @param file     the file
 * @param location where in the file, e.g. {@code line 12, column 'latency_ms'} or {@code entry 7}
 * @param problem  what is wrong
 */
public record RowProblem(String file, String location, String problem) {
    static RowProblem of(BadInputException e) {
        return new RowProblem(e.source(), e.location().orElse(""), e.problem());
    }

    /** The problem as the exception STRICT would have thrown. */
    public BadInputException toException() {
        return new BadInputException(file, location.isEmpty() ? null : location, problem);
    }

    /** {@code file: location: problem}, as {@link BadInputException#getMessage()}. */
    @Override
    public String toString() {
        return toException().getMessage();
    }
}
