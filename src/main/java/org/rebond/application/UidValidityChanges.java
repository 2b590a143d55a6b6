package org.rebond.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The UIDVALIDITY changes of each folder: a folder whose UIDVALIDITY keeps changing is paused
 * (no longer read) until the user resumes it, rather than read again from the start each time.
 */
public interface UidValidityChanges {
    /**
     * A folder rebond no longer reads.
     *
     * @param changes how many UIDVALIDITY changes fell within the window when it stopped
     * @param from    the UIDVALIDITY before the last change
     * @param to      the UIDVALIDITY the server reported last
     */
    record Pause(String folder, int changes, long from, long to, Instant since) {}

    /** Records a change from {@code from} to {@code to}; returns how many fell within {@code window}. */
    int record(String folder, long from, long to, Duration window);

    void pause(String folder, int changes, long from, long to);

    Optional<Pause> pauseOf(String folder);

    List<Pause> pauses();

    /** Resumes every paused folder; returns the pauses lifted. */
    List<Pause> resumeAll();
}
