package org.rebond.compose;

import org.rebond.i18n.Sentence;

/**
 * A template could not be loaded or rendered. The message names the file, the line when known,
 * what went wrong and what the user can do about it.
 */
public final class TemplateProblem extends RuntimeException implements Sentence.Said {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final transient Sentence sentence;

    public TemplateProblem(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.sentence = null;
    }

    /** A problem said by {@code sentence} (a sentence of the {@code errors} bundle); the message is its English. */
    public TemplateProblem(String file, int line, Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.file = file;
        this.line = line;
        this.sentence = sentence;
    }

    /** What to tell the user; null when only an English message was given. */
    @Override
    public Sentence sentence() {
        return sentence;
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
