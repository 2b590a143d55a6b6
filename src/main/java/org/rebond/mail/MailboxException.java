package org.rebond.mail;

/**
 * The mailbox could not do what was asked. {@code authentication} failures must back off long
 * (BAD-INPUTS B46: no lock-out loop).
 */
public final class MailboxException extends RuntimeException {

    private final boolean authentication;

    public MailboxException(String message, boolean authentication) {
        super(message);
        this.authentication = authentication;
    }

    public MailboxException(String message, boolean authentication, Throwable cause) {
        super(message, cause);
        this.authentication = authentication;
    }

    public boolean authentication() {
        return authentication;
    }
}
