package org.narformer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads one dataset file format into {@link Sample}s. Implementations are stateless and thread-safe. */
public interface SampleReader {
    /**
     * Streams the samples of {@code file} to {@code sink} in file order.
     *
     * @return the skipped rows (always empty under {@link ReadPolicy#STRICT})
     * @throws org.narformer.BadInputException naming the file (and line) when the file is unreadable or not of
     *                                         this format, or, under STRICT, at the first bad row
     */
    List<RowProblem> stream(Path file, ReadPolicy policy, Consumer<Sample> sink);

    /** Reads the whole file. */
    default Dataset read(Path file, ReadPolicy policy) {
        List<Sample> samples = new ArrayList<>();
        List<RowProblem> problems = stream(file, policy, samples::add);
        return new Dataset(file, samples, problems);
    }
}
