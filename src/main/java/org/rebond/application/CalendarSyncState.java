package org.rebond.application;

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
