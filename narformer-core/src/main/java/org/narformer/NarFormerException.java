package org.narformer;

/**
 * Root of every exception narformer throws on purpose. The CLI maps subclasses to exit codes:
 * {@link BadInputException} to 3 ("bad input"), anything else to 1.
 */
public class NarFormerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NarFormerException(String message) {
        super(message);
    }

    public NarFormerException(String message, Throwable cause) {
        super(message, cause);
    }
}
