package org.rebond.application;

import java.util.OptionalLong;

/**
 * Appends to the user's own mailbox; the only way rebond writes mail. It has no way to send (I1).
 * Messages to the user in INBOX carry rebond's token header; drafts carry nothing of rebond's and
 * are known by their Message-ID (and, to tell whether the user touched one, by its {@link DraftDigest}).
 */
public interface MailDrop {

    /** What became of a draft rebond wrote, as far as its Message-ID and digest tell. */
    enum DraftState {
        /** No draft with that Message-ID is in Drafts: the user sent or deleted it (or saved it under a new Message-ID). */
        ABSENT,
        /** It is there as rebond wrote it (the digest matches). */
        UNTOUCHED,
        /** It is there, changed: the user edited it. */
        EDITED
    }

    /**
     * The UID (or -1 when the server cannot tell) of the message delivered under this outbox row, if
     * it is there: in INBOX the message carrying {@code token}, in Drafts the draft whose Message-ID
     * is {@code messageId}.
     */
    OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId);

    /** Appends the message; returns its UID, or -1 when the server does not say (no UIDPLUS). */
    long append(OutgoingMessage message);

    /** The state of the draft with this Message-ID in Drafts, compared with the digest of what rebond wrote. */
    DraftState draftState(String messageId, String digest);

    /**
     * Removes the draft with this Message-ID from Drafts, only if it is still exactly as rebond wrote
     * it (checked on the same connection just before): the one deletion rebond ever makes, of a
     * message of its own. Returns the state found: UNTOUCHED when it was removed, EDITED when it was
     * kept because the user changed it, ABSENT when it was gone already.
     */
    DraftState deleteDraftIfUntouched(String messageId, String digest);
}
