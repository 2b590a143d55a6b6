package org.rebond.compose;

/**
 * A template could not be loaded or rendered. The message names the file, the line when known,
 * what went wrong and what the user can do about it.
 */
public final class TemplateProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public TemplateProblem(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** The template file as shown to the user, e.g. {@code templates/fr/brief.ftlh}. */
    public String file() {
        return file;
    }

    /** The line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }
}
