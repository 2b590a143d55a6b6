package org.rebond.application;

import java.util.OptionalLong;

/**
 * Appends to the user's own mailbox; the only way rebond writes mail. It has no way to send (I1).
 */
public interface MailDrop {

    /** The UID (or -1 when the server cannot tell) of a message carrying this token, if one is there. */
    OptionalLong findByToken(OutgoingMessage.Destination destination, String token);

    /** Appends the message; returns its UID, or -1 when the server does not say (no UIDPLUS). */
    long append(OutgoingMessage message);
}
