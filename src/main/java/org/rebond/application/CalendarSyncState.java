package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a calendar source remembers between syncs (kept in SQLite by {@code SqlCalendarState}), so
 * each sync asks only for what changed and a restart costs nothing (DESIGN I7).
 */
public interface CalendarSyncState {

    /** The validators of one collection or feed; empty strings when unknown. */
    record Validators(String syncToken, String ctag, String etag, String lastModified) {
        public static final Validators NONE = new Validators("", "", "", "");

        public Validators withSyncToken(String token) {
            return new Validators(token, ctag, etag, lastModified);
        }

        public Validators withCtag(String newCtag) {
            return new Validators(syncToken, newCtag, etag, lastModified);
        }
    }

    /**
     * How the last syncs of one source went, for {@code status}: when one last succeeded, and the
     * current run of failures (empty problem, null times and 0 failures after a success).
     *
     * @param source the source's name ({@link CalendarSource#name()})
     */
    record Contact(String source, Instant lastSync, String problem, Instant problemSince, Instant nextAttempt, int failures) {}

    /** A sync of {@code source} (a source's name) succeeded now. */
    void synced(String source);

    /** A sync of {@code source} failed with {@code problem}; the next is due at {@code nextAttempt}. */
    void syncFailed(String source, String problem, int failures, Instant nextAttempt);

    /** Every source that was ever synced, by name. */
    List<Contact> contacts();

    Validators validators(String source);

    void saveValidators(String source, Validators validators);

    /** href → ETag (or mtime/size stamp) of every object seen in {@code source}. */
    Map<String, String> etags(String source);

    /** Records an object as seen; {@code body} is kept only when non-null (the object holds a followed interview). */
    void saveObject(String source, String href, String etag, byte[] body);

    /** The body kept for an object, when it holds a followed interview. */
    Optional<byte[]> body(String source, String href);

    void removeObject(String source, String href);
}
