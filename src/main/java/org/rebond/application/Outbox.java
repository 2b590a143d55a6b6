package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebond.domain.Action;

/**
 * The durable record of each delivery (DESIGN I2): a row with its token is committed before the
 * APPEND and marked done after it.
 */
public interface Outbox {

    Optional<Entry> find(long interviewId, Action action);

    /** Commits a new row in state APPENDING. */
    default Entry begin(long interviewId, Action action, OutgoingMessage.Destination destination, String token, String messageId, Instant at) {
        return begin(interviewId, action, destination, token, messageId, null, at);
    }

    /**
     * Commits a new row in state APPENDING; {@code replaces} is the Message-ID of the draft this one
     * takes the place of (a revision of the thank-you), or null.
     */
    Entry begin(long interviewId, Action action, OutgoingMessage.Destination destination, String token, String messageId, String replaces,
                Instant at);

    /**
     * Commits the digest of what is about to be appended ({@link DraftDigest}), before each APPEND:
     * the draft is later recognised as untouched by it.
     */
    void recordDigest(long entryId, String digest);

    void markDone(long entryId, long uid, Instant at);

    /** Records that an action was deliberately not delivered. */
    void markSkipped(long interviewId, Action action, String reason, Instant at);

    /** Marks an interrupted delivery as deliberately not made (its catch-up rule said skip). */
    void markEntrySkipped(long entryId, String reason, Instant at);

    /** Records a failed attempt; the row stays APPENDING so a later attempt looks for its token first. */
    void markAttemptFailed(long entryId, String error, Instant at);

    List<Entry> forInterview(long interviewId);

    /** The interview each debrief prompt delivered belongs to, by the prompt's Message-ID. */
    Map<String, Long> promptMessageIds();

    /**
     * One row. {@code digest} is the {@link DraftDigest} of the message as last appended (null for
     * rows older than it, and for skipped ones); {@code replaces} the Message-ID of the draft a
     * revision takes the place of, else null.
     */
    record Entry(long id, long interviewId, Action action, State state, OutgoingMessage.Destination destination,
                 String token, String messageId, long uid, int attempts, String lastError, Instant updatedAt,
                 String digest, String replaces) {}

    enum State { APPENDING, DONE, SKIPPED }
}
