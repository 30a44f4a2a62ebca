package org.narformer.data;

/**
 * What a reader does with a malformed row (wrong column count, non-numeric or non-finite target, bad
 * architecture, duplicate id, index out of sequence). Problems with the file as a whole (missing, unreadable,
 * wrong header or JSON structure) always stop the read.
 */
public enum ReadPolicy {
    /** Stop at the first bad row with a {@link org.narformer.BadInputException} naming file and line. */
    STRICT,
    /** Skip bad rows and return each as a {@link RowProblem} with the samples; never silently. */
    LENIENT
}
