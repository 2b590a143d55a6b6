package org.rebond.application;

import java.time.Duration;

/**
 * A calendar rebond follows besides the invitations in mail (DESIGN, Calendar): a CalDAV server,
 * an ICS URL, a local .ics file or vdir folder. Each sync reports what changed since the last one
 * to {@link Changes}; the source keeps its own validators in {@link CalendarSyncState}.
 */
public interface CalendarSource {

    /** For logs and messages: the kind and the URL or path, never a credential. */
    String name();

    /** How often it is synced. */
    Duration interval();

    /**
     * Reports every object added, changed or removed since the last successful sync.
     *
     * @throws RuntimeException (a {@code CalendarSourceException} of the adapter) when the source cannot be read this time (the next sync retries)
     */
    void sync(Changes changes);

    /** Receives the changes of one sync, object by object. */
    interface Changes {
        /**
         * @param collection the state key of the collection or feed (e.g. {@code caldav:https://…/work/})
         * @param href       the object within it (a server href, a file name, the feed URL)
         * @param location   where it lives, as shown to the user (an absolute URL or path)
         * @param etag       its ETag or change stamp, recorded once the object is handled
         */
        void changed(String collection, String href, String location, String etag, byte[] ics);

        /** An object the source will not hand over (too large …): quarantined with {@code reason}. */
        void rejected(String collection, String href, String location, String etag, String reason);

        void removed(String collection, String href, String location);
    }
}
