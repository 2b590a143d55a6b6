package org.rebond.application;

import org.rebond.i18n.Sentence;

/** The database could not do what was asked; the message says what and what to do. */
public final class StoreException extends RuntimeException implements Sentence.Said {

    private final transient Sentence sentence;

    public StoreException(String message) {
        super(message);
        this.sentence = null;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.sentence = null;
    }

    /** The sentence {@code key} of the {@code errors} bundle with {@code arguments}; the message is its English. */
    public StoreException(Throwable cause, String key, Object... arguments) {
        this(Sentence.of("errors", key, arguments), cause);
    }

    private StoreException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    /** What to tell the user; null when this failure was only ever meant for the logs. */
    @Override
    public Sentence sentence() {
        return sentence;
    }
}
