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
    Entry begin(long interviewId, Action action, OutgoingMessage.Destination destination, String token, String messageId, Instant at);

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

    record Entry(long id, long interviewId, Action action, State state, OutgoingMessage.Destination destination,
                 String token, String messageId, long uid, int attempts, String lastError, Instant updatedAt) {}

    enum State { APPENDING, DONE, SKIPPED }
}
