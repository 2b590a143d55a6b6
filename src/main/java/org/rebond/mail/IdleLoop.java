package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.config.RebondConfig;
import org.rebond.mail.MailboxWatcher.ScanObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the mailbox on one connection ({@link MailboxSession.Follow}): keeps INBOX open (it is
 * where IDLE waits), reads every followed folder after its cursor, fills in the texts of new
 * contacts, then waits in IDLE, or polls where IDLE is missing, and again, until the connection
 * fails or the watcher stops.
 *
 * <p>IDLE is re-entered at the renewal interval and at the latest at half the read timeout: the
 * read timeout also applies while idling, so a quiet mailbox must not look like a dead one, and a
 * silently dead connection is noticed within about one and a half read timeouts (B38, B51).
 */
final class IdleLoop {

    /** The watcher's log (the journal names it as before the watcher was split). */
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

    private final RebondConfig.Mailbox config;
    private final Duration idleRenewal;
    private final FolderOpener opener;
    private final FollowedFolders folders;
    private final TextBackfill backfill;
    private final ScanObserver observer;
    private final MailboxSession session;
    private final CompletableFuture<Void> firstPass = new CompletableFuture<>();
    private final AtomicReference<IMAPFolder> idling = new AtomicReference<>();
    private volatile LongConsumer newMailNoticed = nanos -> { };

    IdleLoop(RebondConfig.Mailbox config, Duration idleRenewal, FolderOpener opener, FollowedFolders folders, TextBackfill backfill,
             ScanObserver observer, MailboxSession session) {
        this.config = config;
        Duration halfRead = config.readTimeout().dividedBy(2);
        this.idleRenewal = halfRead.isZero() || halfRead.compareTo(idleRenewal) >= 0 ? idleRenewal : halfRead;
        this.opener = opener;
        this.folders = folders;
        this.backfill = backfill;
        this.observer = observer;
        this.session = session;
    }

    /** How long an IDLE lasts before it is renewed: the renewal asked for, at most half the read timeout. */
    Duration idleRenewal() {
        return idleRenewal;
    }

    /** Completes once every followed folder has been read to its end for the first time (and the texts of new contacts filled in). */
    CompletableFuture<Void> firstPass() {
        return firstPass;
    }

    /** Told, with {@link System#nanoTime()}, each time IDLE ends because the server announced new mail in INBOX. */
    void whenNewMailNoticed(LongConsumer atNanos) {
        this.newMailNoticed = atNanos;
    }

    /**
     * Keeps INBOX open (it is where IDLE waits) and opens the other followed folders only while
     * reading them: a folder left open holds a connection of its own that sees no traffic between
     * syncs, and servers and NAT boxes close such quiet connections.
     */
    void follow(Store store) throws MessagingException {
        IMAPStore imapStore = (IMAPStore) store;
        opener.useCapabilitiesOf(imapStore);
        IMAPFolder inbox = (IMAPFolder) store.getFolder(config.inbox());
        opener.open(inbox);
        List<String> others = FollowedFolders.others(store, config, inbox.getFullName());
        boolean idle = config.idle() && imapStore.hasCapability("IDLE");
        List<String> followed = new ArrayList<>(List.of(inbox.getFullName()));
        followed.addAll(others);
        log.info("following {} on {} ({}{})", followed, config.host(),
                idle ? "IDLE, renewed every " + idleRenewal.toSeconds() + " s" : "polling every " + config.pollInterval().toSeconds() + " s",
                opener.qresync() ? ", QRESYNC" : opener.condstore() ? ", CONDSTORE" : "");
        try {
            while (session.running()) {
                int countedBeforeSync = inbox.getMessageCount();
                folders.readAll(store, inbox, others);
                if (session.running()) {
                    // INBOX stays open (IDLE) between syncs, for months: what Angus keeps for it stays
                    // under a window. Reopened once the other folders were read, so that their read
                    // follows INBOX's at once.
                    opener.reopenIfFull(inbox);
                }
                observer.synced(inbox.getFullName());
                session.heard();
                backfill.fill(store, inbox);
                firstPass.complete(null);
                if (!session.running()) {
                    break;
                }
                if (idle) {
                    if (arrivedSince(inbox, countedBeforeSync)) {
                        continue;
                    }
                    idleOnce(inbox);
                } else {
                    session.pause(config.pollInterval());
                    inbox.getMessageCount(); // a NOOP: notices new mail and a dead connection
                }
            }
        } finally {
            if (inbox.isOpen()) {
                try {
                    inbox.close(false);
                } catch (MessagingException ignored) {
                    // the connection is going away anyway
                }
            }
        }
    }

    /**
     * Whether mail arrived while the folders were being read: a NOOP makes the server report it
     * now, since some servers do not repeat it once IDLE starts.
     */
    private boolean arrivedSince(IMAPFolder inbox, int counted) throws MessagingException {
        inbox.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
        return inbox.getMessageCount() != counted;
    }

    /** IDLE until the server reports something, or until the renewal timer breaks it off. */
    private void idleOnce(IMAPFolder inbox) throws MessagingException {
        idling.set(inbox);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebond-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            if (!session.running()) {
                // Closing began after the loop's last check: its breakIdle() may have found no IDLE
                // under way, and this one would last until the renewal (stop, then read idling;
                // set idling, then read running: one of the two sees the other).
                return;
            }
            timer.schedule(() -> breakIdle(inbox), idleRenewal.toMillis(), TimeUnit.MILLISECONDS);
            int before = inbox.getMessageCount();
            inbox.idle(true);
            if (inbox.getMessageCount() > before) {
                newMailNoticed.accept(System.nanoTime());
            }
        } finally {
            idling.set(null);
            timer.shutdownNow();
        }
    }

    /** Ends the IDLE under way, if any (the watcher is closing). */
    void breakIdle() {
        IMAPFolder folder = idling.get();
        if (folder != null) {
            breakIdle(folder);
        }
    }

    private static void breakIdle(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.debug("could not interrupt IDLE: {}", e.getMessage());
        }
    }
}
