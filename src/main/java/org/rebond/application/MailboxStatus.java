package org.rebond.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the connection to the mailbox stands, as the running daemon last saw it: connected, or the
 * last problem with when it started and when the next attempt is due. {@code status} and
 * {@code doctor} read it from another process.
 */
public interface MailboxStatus {
    /** What the watcher is doing. */
    enum Kind { CONNECTED, RECONNECTING, LOGIN_REFUSED }
    /**
     * @param problem      empty when connected
     * @param problemSince when the current run of failures began, null when connected
     * @param nextAttempt  when the next connection attempt is due, null when connected
     * @param lastContact  when the server last answered (a login, a sync, an IDLE or NOOP), null when never
     */
    record State(String account, Kind kind, String problem, Instant problemSince, Instant nextAttempt, int failures,
                        Instant updatedAt, Instant lastContact) {}

    void connected(String account);

    /** The server answered on the current connection (a sync of the folders, an IDLE or a NOOP ended well). */
    void heard(String account);

    void failed(String account, boolean loginRefused, String problem, int failures, Duration wait);

    Optional<State> get(String account);

    /** The most recently updated account's state. */
    Optional<State> latest();
}
