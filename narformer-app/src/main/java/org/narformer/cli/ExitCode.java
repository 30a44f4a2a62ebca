package org.narformer.cli;

/** The documented exit codes of every {@code narformer} command. */
public enum ExitCode {
    /** Everything worked. */
    OK(0),
    /** An internal or environment error (a bug, an I/O failure that is not the input's fault). */
    ERROR(1),
    /** The command line itself is wrong (unknown option, missing argument). */
    USAGE(2),
    /** The input is bad (not ONNX, malformed row, cycle, ...); the message names file and line or node. */
    BAD_INPUT(3),
    /** A batch finished but some items failed; each failure was reported and the others were processed. */
    PARTIAL_FAILURE(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
