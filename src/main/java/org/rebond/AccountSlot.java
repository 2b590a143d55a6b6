package org.rebond;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rebond.config.RebondConfig;

/**
 * One account of a {@link Host} and what this node does with it: nothing (another node follows it,
 * or it waits to be tried again after a failure), starting, or following it with its daemon.
 * The host's lock guards every call.
 */
final class AccountSlot {

    /** What the account is doing on this node. */
    enum Phase { IDLE, STARTING, RUNNING }

    /** The account as {@link Host#states()} shows it. */
    record State(String name, Phase phase, int failures, Instant retryAt) {}

    private final String name;
    private final RebondConfig config;
    private Phase phase = Phase.IDLE;
    private boolean lease;
    private App app;
    private int failures;
    private Instant retryAt = Instant.MIN;

    AccountSlot(String name, RebondConfig config) {
        this.name = name;
        this.config = config;
    }

    String name() {
        return name;
    }

    RebondConfig config() {
        return config;
    }

    /** Neither started nor starting, and not waiting after a failure. */
    boolean startable(Instant now) {
        return phase == Phase.IDLE && !now.isBefore(retryAt);
    }

    boolean running() {
        return phase == Phase.RUNNING;
    }

    /** Whether this node holds the account's lease (PostgreSQL): from the moment it took it until it stopped or failed. */
    boolean holdsLease() {
        return lease;
    }

    void leaseTaken() {
        lease = true;
    }

    void starting() {
        phase = Phase.STARTING;
    }

    /** @return false when the account was stopped meanwhile: then the caller closes {@code started} */
    boolean started(App started) {
        if (phase != Phase.STARTING) {
            return false;
        }
        app = started;
        phase = Phase.RUNNING;
        failures = 0;
        return true;
    }

    /** @return how long the account waits before it is tried again: doubled at each failure in a row, up to {@code last} */
    Duration failed(Instant now, Duration first, Duration last) {
        failures++;
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 10));
        if (wait.compareTo(last) > 0) {
            wait = last;
        }
        retryAt = now.plus(wait);
        phase = Phase.IDLE;
        lease = false;
        return wait;
    }

    /** Stops following the account on this node; running actions finish first (see App#close). */
    void stop() {
        App running = app;
        app = null;
        phase = Phase.IDLE;
        lease = false;
        if (running != null) {
            running.close();
        }
    }

    Optional<App> app() {
        return Optional.ofNullable(app);
    }

    State state() {
        return new State(name, phase, failures, retryAt);
    }
}
