package org.narformer.train;

import java.nio.file.Path;
import java.util.Map;

import org.narformer.metrics.EvaluationReport;

/**
 * A checkpoint evaluated on the protocol's test set (every cell of the space, against the test label).
 *
 * @param checkpoint the checkpoint directory
 * @param config     its protocol configuration
 * @param data       the data description (file, hash, split, labels)
 * @param report     metrics over all cells and per group ({@code train}, {@code validation}, {@code unseen})
 * @param predicted  predicted accuracy per cell, in index order
 * @param measured   the test label per cell
 * @param groups     the group of each cell ({@link NasBenchCells#TRAIN}, {@link NasBenchCells#VALIDATION},
 *                   {@link NasBenchCells#UNSEEN})
 * @param seconds    wall time (loading, tokenizing, scoring, metrics)
 */
public record NasBenchEvaluation(Path checkpoint, NasBenchConfig config, Map<String, Object> data,
                                 EvaluationReport report, double[] predicted, double[] measured, String[] groups,
                                 double seconds) {
}
