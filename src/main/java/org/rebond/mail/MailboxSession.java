package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.rebond.application.MailboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's connection to the mailbox, on the thread {@code rebond-mailbox}: connects and logs
 * in (or takes the connection opened ahead), hands the connection to what follows the mailbox
 * until it fails or the watcher stops, then reconnects with exponential backoff and jitter; a
 * refused login backs off long so the account is never locked (B37, B38, B46). Each connection's
 * outcome is reported through {@link MailboxStatus} for {@code status} and {@code doctor}.
 *
 * <p>It also holds whether the watcher runs, and the pauses (backoff, polling) that stopping cuts
 * short.
 */
final class MailboxSession {

    /** The watcher's log (the journal names it as before the watcher was split). */
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    private static final Duration AFTER_LOGIN_REFUSED = Duration.ofMinutes(30);

    /** What is done with each connection, until it fails or the watcher stops; the session closes it afterwards. */
    interface Follow {
        void follow(Store store) throws MessagingException;
    }

    private final ImapConnector connector;
    private final MailboxStatus state;
    private final String account;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running;
    private volatile String lastProblem = "";
    private volatile String lastLoss = "";
    private Thread thread;
    /** The connection opened ahead for the first pass, until the mailbox thread takes it. */
    private volatile ImapConnector.FirstConnection firstConnection;

    MailboxSession(ImapConnector connector, MailboxStatus state, String account) {
        this.connector = connector;
        this.state = state;
        this.account = account;
    }

    /** The connection opened ahead ({@link ImapConnector#connectAhead}) to use first; null for none. Closed unused if the session never starts. */
    void useFirst(ImapConnector.FirstConnection firstConnection) {
        this.firstConnection = firstConnection;
    }

    /** Starts connecting on the mailbox thread; each connection goes to {@code follow}. */
    void start(Follow follow) {
        running = true;
        thread = new Thread(() -> loop(follow), "rebond-mailbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the watcher runs: false once it was told to stop (or its thread was interrupted in a pause). */
    boolean running() {
        return running;
    }

    /** How many times the session has connected (1 while all is well). */
    int connections() {
        return connections.get();
    }

    /** The last connection problem, empty when all is well (for status and doctor). */
    String lastProblem() {
        return lastProblem;
    }

    /** What the server or the network said when a connection was last lost (empty before any loss). */
    String lastLoss() {
        return lastLoss;
    }

    private Store nextConnection() {
        ImapConnector.FirstConnection first = firstConnection;
        firstConnection = null;
        return first != null ? first.take() : connector.connect();
    }

    private void loop(Follow follow) {
        int failures = 0;
        while (running) {
            try (Store store = nextConnection()) {
                connections.incrementAndGet();
                failures = 0;
                lastProblem = "";
                record(() -> state.connected(account));
                follow.follow(store);
            } catch (MailboxException e) {
                failures++;
                lastProblem = e.getMessage();
                Duration wait = e.authentication() ? AFTER_LOGIN_REFUSED : backoff(failures);
                int count = failures;
                record(() -> state.failed(account, e.authentication(), e.getMessage(), count, wait));
                if (running) {
                    log.warn("{}; trying again in {} s", e.getMessage(), wait.toSeconds());
                    pause(wait);
                }
            } catch (MessagingException | RuntimeException e) {
                failures++;
                lastProblem = ImapConnector.rootMessage(e);
                lastLoss = lastProblem;
                Duration wait = backoff(failures);
                int count = failures;
                String problem = "connection lost: " + lastProblem;
                record(() -> state.failed(account, false, problem, count, wait));
                if (running) {
                    log.warn("mailbox connection lost ({}); reconnecting in {} s and catching up from the last message read",
                            lastProblem, wait.toSeconds());
                    pause(wait);
                }
            }
        }
    }

    /** The server answered on this connection (a sync, an IDLE or a NOOP): the last contact status shows. */
    void heard() {
        record(() -> state.heard(account));
    }

    /** The state is for display: a database hiccup must not stop the watcher. */
    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.debug("could not record the mailbox state: {}", e.getMessage());
        }
    }

    static Duration backoff(int failures) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16);
        long capped = Math.min(base, LONGEST_BACKOFF.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }

    /** Waits this long, or until {@link #stop()}; an interrupt stops the session. */
    void pause(Duration duration) {
        lock.lock();
        try {
            if (running) {
                wake.awaitNanos(duration.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Tells the mailbox thread to stop: ends a pause at once, closes the connection opened ahead if it was not taken. */
    void stop() {
        running = false;
        ImapConnector.FirstConnection first = firstConnection;
        if (first != null) {
            first.discard();
        }
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (10 s at most) for the mailbox thread to end, once told to stop. */
    void awaitEnd() {
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
