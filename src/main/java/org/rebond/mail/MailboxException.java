package org.rebond.mail;

import org.rebond.i18n.Sentence;

/**
 * The mailbox could not do what was asked. {@code authentication} failures must back off long
 * (BAD-INPUTS B46: no lock-out loop). One made with a {@link Sentence} is said to the user in their
 * language; its message (for the logs) is the English.
 */
public final class MailboxException extends RuntimeException implements Sentence.Said {

    private final boolean authentication;
    private final transient Sentence sentence;

    public MailboxException(String message, boolean authentication) {
        super(message);
        this.authentication = authentication;
        this.sentence = null;
    }

    public MailboxException(String message, boolean authentication, Throwable cause) {
        super(message, cause);
        this.authentication = authentication;
        this.sentence = null;
    }

    public MailboxException(Sentence sentence, boolean authentication, Throwable cause) {
        super(sentence.english(), cause);
        this.authentication = authentication;
        this.sentence = sentence;
    }

    public boolean authentication() {
        return authentication;
    }

    /** What to tell the user; null when this failure was only ever meant for the logs. */
    @Override
    public Sentence sentence() {
        return sentence;
    }
}
