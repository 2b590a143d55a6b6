package org.rebond.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.rebond.application.FolderCursors;
import org.rebond.application.MailboxStatus;
import org.rebond.application.MessageHistory;
import org.rebond.application.UidValidityChanges;
import org.rebond.config.RebondConfig;

/**
 * Follows INBOX and Sent on one long-lived connection: reads what is new since each folder's
 * cursor, then waits in IDLE (re-entered well inside 29 minutes) or polls where IDLE is missing.
 * A drop or a server restart reconnects with exponential backoff and jitter, then catches up from
 * the cursor; a refused login backs off long so the account is never locked (B37, B38, B46).
 * Each connection's outcome is kept in the database for {@code status} and {@code doctor}.
 *
 * <p>What App sees of the mailbox; the work is its parts': {@link MailboxSession} (the connection,
 * its backoff and status), {@link IdleLoop} (what one connection does: sync, then IDLE or poll),
 * {@link FollowedFolders} (INBOX and, in parallel, the other folders), {@link FolderScan} (the
 * batched read of one folder after its cursor), {@link FolderCursorKeeper} (cursors, UIDVALIDITY
 * changes and pauses), {@link FolderOpener} (CONDSTORE/QRESYNC, the window after which INBOX is
 * reopened), {@link UnreadableMessages} (read-alone retries, quarantine), {@link BatchDispatch}
 * (batches to the intake) and {@link TextBackfill} (the texts of new contacts).
 */
public final class MailboxWatcher implements AutoCloseable {

    /**
     * How many messages INBOX, which stays open for months, may have read before it is closed and
     * opened again at the end of a sync: Angus Mail keeps a message object for every message the
     * server announces (EXISTS) until the folder is closed.
     */
    static final int WINDOW = 2_000;
    /**
     * A folder whose UIDVALIDITY changes this many times within {@link #UIDVALIDITY_CHANGE_WINDOW}
     * is no longer read (B39: a server that keeps renumbering would otherwise have its folder read
     * in full again and again). A restart of the daemon reads it again.
     */
    public static final int UIDVALIDITY_CHANGES_BEFORE_PAUSE = FolderCursorKeeper.UIDVALIDITY_CHANGES_BEFORE_PAUSE;
    /** The span over which UIDVALIDITY changes are counted. */
    public static final Duration UIDVALIDITY_CHANGE_WINDOW = FolderCursorKeeper.UIDVALIDITY_CHANGE_WINDOW;

    private final IntakeLane lane = new IntakeLane();
    private final MailboxSession session;
    private final FolderCursorKeeper cursorKeeper;
    private final FollowedFolders folders;
    private final IdleLoop idleLoop;

    public MailboxWatcher(ImapConnector connector, FolderCursors cursors, MessageHistory history, MessageIntake intake, Duration idleRenewal,
                          MailboxStatus state, UidValidityChanges validityChanges) {
        this(connector, cursors, history, intake, idleRenewal, state, validityChanges, WINDOW, MessageIntake.OWN_TEXTS, ScanObserver.NONE);
    }

    /**
     * With another window and number of recent texts (tests read a few thousand messages in windows
     * of a few hundred) and an observer.
     */
    MailboxWatcher(ImapConnector connector, FolderCursors cursors, MessageHistory history, MessageIntake intake, Duration idleRenewal,
                   MailboxStatus state, UidValidityChanges validityChanges, int window, int recentTexts, ScanObserver observer) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        ImapBatchReader reader = new ImapBatchReader(MessageIntake.HEADERS);
        this.session = new MailboxSession(connector, state, accountOf(connector.config()));
        FolderOpener opener = new FolderOpener(cursors, window, observer);
        this.cursorKeeper = new FolderCursorKeeper(cursors, history, validityChanges, reader, opener);
        TextBackfill backfill = new TextBackfill(reader, intake, history, opener);
        FolderScan scan = new FolderScan(reader, intake, cursorKeeper, opener, new UnreadableMessages(reader, intake, session::lastLoss),
                backfill, lane, observer, window, recentTexts, session::running);
        this.folders = new FollowedFolders(opener, scan, session::running);
        this.idleLoop = new IdleLoop(connector.config(), idleRenewal, opener, folders, backfill, observer, session);
    }

    /** What the scan did, for tests: the messages of each batch read, each folder reopened to drop what Angus kept. */
    interface ScanObserver {
        void batchRead(String folder, List<ScannedMessage> messages);

        void reopened(String folder);

        /** A sync of the folder ended (the folder is as the watcher leaves it until the next sync). */
        default void synced(String folder) { }

        ScanObserver NONE = new ScanObserver() {
            @Override
            public void batchRead(String folder, List<ScannedMessage> messages) { }

            @Override
            public void reopened(String folder) { }
        };
    }

    /** How the account is named in the mailbox state: user@host:port. */
    public static String accountOf(RebondConfig.Mailbox m) {
        return m.account();
    }

    /**
     * Completes once every followed folder has been read to its end for the first time (and the
     * text of new contacts filled in): from then on the history is whole.
     */
    public CompletableFuture<Void> firstPass() {
        return idleLoop.firstPass();
    }

    /**
     * Told, with {@link System#nanoTime()}, each time IDLE ends because the server announced new
     * mail in INBOX: the benchmark measures rebond's own share of a detection from there.
     */
    public void whenNewMailNoticed(LongConsumer atNanos) {
        idleLoop.whenNewMailNoticed(atNanos);
    }

    /** How many times the watcher has connected (1 while all is well). */
    public int connections() {
        return session.connections();
    }

    /** Starts following the mailbox; a folder paused for its UIDVALIDITY (B39) is read again: that is how the user resumes it. */
    public void start() {
        start(null);
    }

    /** Starts following the mailbox, with a connection opened ahead ({@link ImapConnector#connectAhead}) as its first one. */
    public void start(ImapConnector.FirstConnection firstConnection) {
        session.useFirst(firstConnection);
        cursorKeeper.resumePaused();
        session.start(idleLoop::follow);
    }

    /** The last connection problem, empty when all is well (for status and doctor). */
    public String lastProblem() {
        return session.lastProblem();
    }

    @Override
    public void close() {
        session.stop();
        idleLoop.breakIdle();
        session.awaitEnd();
        folders.close();
        lane.close();
    }
}
