package org.narformer;

import java.util.Optional;

/**
 * The user's input is wrong: a file that is not what it claims, a malformed row, a graph with a cycle.
 * The message always names where: the source (usually a file path) and, when known, the location inside
 * it (a line number, a node name, a column). {@link #getMessage()} renders
 * {@code source:location: problem}, suitable as a one-line CLI error.
 */
public class BadInputException extends NarFormerException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file or other input that is bad (never null; use a short description such as
     *                 {@code "<arch string>"} when there is no file)
     * @param location where inside the source, e.g. {@code "line 12"} or {@code "node 'conv1'"}; may be null
     * @param problem  what is wrong, phrased for the user
     */
    public BadInputException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public BadInputException(String source, String location, String problem, Throwable cause) {
        super(render(source, location, problem), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** The same problem re-anchored in another source, keeping this one's location (e.g. once the file is known). */
    public BadInputException withSource(String newSource) {
        return new BadInputException(newSource, location, problem, getCause());
    }

    public String source() {
        return source;
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public String problem() {
        return problem;
    }

    /** The message, kept on one line: control characters from the input (e.g. in a node name) are escaped. */
    private static String render(String source, String location, String problem) {
        StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
        if (location != null && !location.isEmpty()) {
            sb.append(": ").append(location);
        }
        sb.append(": ").append(problem);
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Character.isISOControl(c)) {
                String escaped = String.format("\\u%04x", (int) c);
                sb.replace(i, i + 1, escaped);
                i += escaped.length() - 1;
            }
        }
        return sb.toString();
    }
}
