package org.rebond.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.store.SqlFolderCursors;
import org.rebond.store.SqlMessageHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows INBOX and Sent on one long-lived connection: reads what is new since each folder's
 * cursor, then waits in IDLE (re-entered well inside 29 minutes) or polls where IDLE is missing.
 * A drop or a server restart reconnects with exponential backoff and jitter, then catches up from
 * the cursor; a refused login backs off long so the account is never locked (B37, B38, B46).
 */
public final class MailboxWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final int BATCH = 500;
    private static final int TEXT_FILLED_PER_CONTACT = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    private static final Duration AFTER_LOGIN_REFUSED = Duration.ofMinutes(30);

    private final ImapConnector connector;
    private final SqlFolderCursors cursors;
    private final SqlMessageHistory history;
    private final MessageIntake intake;
    private final Duration idleRenewal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicReference<IMAPFolder> idling = new AtomicReference<>();
    private volatile boolean running;
    private volatile String lastProblem = "";
    private Thread thread;

    public MailboxWatcher(ImapConnector connector, SqlFolderCursors cursors, SqlMessageHistory history, MessageIntake intake, Duration idleRenewal) {
        this.connector = connector;
        this.cursors = cursors;
        this.history = history;
        this.intake = intake;
        this.idleRenewal = idleRenewal;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "rebond-mailbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** The last connection problem, empty when all is well (for status and doctor). */
    public String lastProblem() {
        return lastProblem;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try (Store store = connector.connect()) {
                failures = 0;
                lastProblem = "";
                follow(store);
            } catch (MailboxException e) {
                failures++;
                lastProblem = e.getMessage();
                Duration wait = e.authentication() ? AFTER_LOGIN_REFUSED : backoff(failures);
                if (running) {
                    log.warn("{}; trying again in {} s", e.getMessage(), wait.toSeconds());
                    pause(wait);
                }
            } catch (MessagingException | RuntimeException e) {
                failures++;
                lastProblem = ImapConnector.rootMessage(e);
                Duration wait = backoff(failures);
                if (running) {
                    log.warn("mailbox connection lost ({}); reconnecting in {} s and catching up from the last message read",
                            lastProblem, wait.toSeconds());
                    pause(wait);
                }
            }
        }
    }

    static Duration backoff(int failures) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16);
        long capped = Math.min(base, LONGEST_BACKOFF.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }

    private void follow(Store store) throws MessagingException {
        List<IMAPFolder> folders = new ArrayList<>();
        IMAPFolder inbox = (IMAPFolder) store.getFolder(connector.config().inbox());
        inbox.open(Folder.READ_ONLY);
        folders.add(inbox);
        var sent = FolderFinder.find(store, FolderFinder.Role.SENT, connector.config().sent());
        if (sent.isPresent() && !sent.get().name().equalsIgnoreCase(inbox.getFullName())) {
            IMAPFolder sentFolder = (IMAPFolder) store.getFolder(sent.get().name());
            sentFolder.open(Folder.READ_ONLY);
            folders.add(sentFolder);
        }
        boolean idle = connector.config().idle() && ((IMAPStore) store).hasCapability("IDLE");
        log.info("following {} on {} ({})", folders.stream().map(Folder::getFullName).toList(), connector.config().host(),
                idle ? "IDLE" : "polling every " + connector.config().pollInterval().toSeconds() + " s");
        try {
            while (running) {
                int countedBeforeSync = inbox.getMessageCount();
                for (IMAPFolder folder : folders) {
                    sync(folder);
                }
                fillTextOfNewContacts(folders);
                if (!running) {
                    break;
                }
                if (idle) {
                    if (arrivedSince(inbox, countedBeforeSync)) {
                        continue;
                    }
                    idleOnce(inbox);
                } else {
                    pause(connector.config().pollInterval());
                    inbox.getMessageCount(); // a NOOP: notices new mail and a dead connection
                }
            }
        } finally {
            for (IMAPFolder f : folders) {
                if (f.isOpen()) {
                    try {
                        f.close(false);
                    } catch (MessagingException ignored) {
                        // the connection is going away anyway
                    }
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
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebond-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            timer.schedule(() -> breakIdle(inbox), idleRenewal.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            inbox.idle(true);
        } finally {
            idling.set(null);
            timer.shutdownNow();
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

    /** Reads every message after the cursor of one folder, in UID batches, headers and structure only. */
    void sync(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        long uidValidity = folder.getUIDValidity();
        var cursor = cursors.get(name).orElse(new SqlFolderCursors.Cursor(name, uidValidity, 0, 0));
        if (cursor.uidValidity() != uidValidity) {
            log.warn("UIDVALIDITY of {} changed ({} -> {}): reading the whole folder again; invitations and notes already "
                    + "handled are recognised and not acted on twice", name, cursor.uidValidity(), uidValidity);
            history.forgetFolder(name, cursor.uidValidity());
            cursor = new SqlFolderCursors.Cursor(name, uidValidity, 0, 0);
        }
        Message[] fresh = folder.getMessagesByUID(cursor.lastUid() + 1, UIDFolder.LASTUID);
        List<Message> todo = new ArrayList<>();
        for (Message m : fresh) {
            if (m != null && folder.getUID(m) > cursor.lastUid()) {
                todo.add(m);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        FetchProfile profile = scanProfile();
        long lastUid = cursor.lastUid();
        long started = System.nanoTime();
        for (int from = 0; from < todo.size() && running; from += BATCH) {
            Message[] batch = todo.subList(from, Math.min(todo.size(), from + BATCH)).toArray(new Message[0]);
            folder.fetch(batch, profile);
            for (Message m : batch) {
                long uid = folder.getUID(m);
                intake.take(name, uidValidity, uid, m);
                lastUid = Math.max(lastUid, uid);
            }
            intake.flush();
            cursors.save(new SqlFolderCursors.Cursor(name, uidValidity, lastUid, cursor.highestModseq()));
            if (todo.size() > BATCH) {
                double seconds = (System.nanoTime() - started) / 1e9;
                int done = Math.min(todo.size(), from + BATCH);
                log.info("reading {}: {}/{} messages, {} per second", name, done, todo.size(), Math.round(done / Math.max(seconds, 0.001)));
            }
        }
    }

    /**
     * What a scan fetches for each message, in one FETCH per batch: UID, BODYSTRUCTURE, size and
     * the header fields {@link MessageIntake} reads. Nothing else is fetched for a message that
     * has no calendar part and involves neither the user nor a known contact.
     */
    static FetchProfile scanProfile() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        MessageIntake.HEADERS.forEach(profile::add);
        return profile;
    }

    /**
     * Someone just became a known contact: download the text of their earlier messages (the
     * newest {@value #TEXT_FILLED_PER_CONTACT}, what a brief reads), which the scan skipped.
     */
    private void fillTextOfNewContacts(List<IMAPFolder> folders) throws MessagingException {
        for (String email : intake.newlyKnownContacts()) {
            for (SqlMessageHistory.Textless row : history.withoutText(email, TEXT_FILLED_PER_CONTACT)) {
                for (IMAPFolder folder : folders) {
                    if (folder.getFullName().equals(row.folder()) && folder.getUIDValidity() == row.uidValidity()) {
                        Message message = folder.getMessageByUID(row.uid());
                        if (message != null) {
                            intake.fillText(row, message);
                        }
                    }
                }
            }
        }
    }

    private void pause(Duration duration) {
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

    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        IMAPFolder folder = idling.get();
        if (folder != null) {
            breakIdle(folder);
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
