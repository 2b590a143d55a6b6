package org.rebond.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.application.FolderCursors;
import org.rebond.application.MailboxStatus;
import org.rebond.application.MessageHistory;
import org.rebond.application.UidValidityChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows INBOX and Sent on one long-lived connection: reads what is new since each folder's
 * cursor, then waits in IDLE (re-entered well inside 29 minutes) or polls where IDLE is missing.
 * A drop or a server restart reconnects with exponential backoff and jitter, then catches up from
 * the cursor; a refused login backs off long so the account is never locked (B37, B38, B46).
 * Each connection's outcome is kept in the database for {@code status} and {@code doctor}.
 *
 * <p>IDLE is re-entered at the renewal interval and at the latest at half the read timeout: the
 * read timeout also applies while idling, so a quiet mailbox must not look like a dead one, and a
 * silently dead connection is noticed within about one and a half read timeouts (B38, B51).
 */
public final class MailboxWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    /** Messages described by one FETCH command of a scan. */
    private static final int BATCH = 1_000;
    /**
     * How many messages INBOX, which stays open for months, may have read before it is closed and
     * opened again at the end of a sync: Angus Mail keeps a message object for every message the
     * server announces (EXISTS) until the folder is closed.
     */
    static final int WINDOW = 2_000;
    private static final int TEXT_FILLED_PER_CONTACT = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    private static final Duration AFTER_LOGIN_REFUSED = Duration.ofMinutes(30);
    /**
     * A folder whose UIDVALIDITY changes this many times within {@link #UIDVALIDITY_CHANGE_WINDOW}
     * is no longer read (B39: a server that keeps renumbering would otherwise have its folder read
     * in full again and again). A restart of the daemon reads it again.
     */
    public static final int UIDVALIDITY_CHANGES_BEFORE_PAUSE = 3;
    /** The span over which UIDVALIDITY changes are counted. */
    public static final Duration UIDVALIDITY_CHANGE_WINDOW = Duration.ofHours(24);

    private final ImapConnector connector;
    private final FolderCursors cursors;
    private final MessageHistory history;
    private final MessageIntake intake;
    private final ImapBatchReader reader = new ImapBatchReader(MessageIntake.HEADERS);
    private final IntakeLane lane = new IntakeLane();
    /**
     * Reads the folders other than INBOX (Sent, an archive) on a connection of their own while the
     * mailbox thread reads INBOX: the server works on both at once (on a first read, while rebond
     * waits for INBOX's next responses, the other core would otherwise sit idle). Their batches go
     * to the same intake thread, each folder through its own {@link IntakeLane.Feed}.
     */
    private final java.util.concurrent.ExecutorService otherFolders = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebond-mailbox-folders");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.CompletableFuture<Void> firstPass = new java.util.concurrent.CompletableFuture<>();
    private volatile java.util.function.LongConsumer newMailNoticed = nanos -> { };
    /** By folder, the batch whose read failed last, see {@link #scanBatch} (each folder is read by one thread at a time). */
    private final java.util.Map<String, FailedRead> failedReads = new java.util.concurrent.ConcurrentHashMap<>();
    /** By folder, the message ("folder:uidvalidity:uid") being read alone; absent between such reads. */
    private final java.util.Map<String, String> probing = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many connections were lost while each message was read alone. */
    private final java.util.Map<String, Integer> lostOn = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String lastLoss = "";
    private final Duration idleRenewal;
    private final MailboxStatus state;
    private final UidValidityChanges validityChanges;
    private final String account;
    private final Duration progressEvery;
    /** The terminal line (or the log) that the progress of every folder read goes to. */
    private final ScanProgress.Display progressDisplay = ScanProgress.Display.forDaemon();
    private final int window;
    private final int batch;
    /** How many of a folder's newest messages keep their text as they are read ({@link MessageIntake#OWN_TEXTS}). */
    private final int recentTexts;
    /** A long read kept older messages without text: the back-fill after the pass covers every contact. */
    private volatile boolean textsLeftForLater;
    private final ScanObserver observer;
    /** Messages read in each open folder since it was opened (INBOX stays open for months). */
    private final java.util.Map<String, Integer> readSinceOpen = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What each folder reported when it was opened, until the read that follows the opening takes
     * it: only a HIGHESTMODSEQ that fresh says that nothing changed since the cursor (Angus does not
     * update it for a folder kept open when new mail arrives).
     */
    private final java.util.Map<String, AtOpen> atOpen = new java.util.concurrent.ConcurrentHashMap<>();

    /** The HIGHESTMODSEQ and the message count a folder reported when it was opened. */
    private record AtOpen(long modseq, int messages, long uidNext) {}
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicReference<IMAPFolder> idling = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running;
    private boolean condstore;
    private boolean qresync;
    private volatile String lastProblem = "";
    private Thread thread;
    /** The connection opened ahead for the first pass, until the mailbox thread takes it. */
    private volatile ImapConnector.FirstConnection firstConnection;

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
        this.window = window;
        this.batch = Math.min(BATCH, window);
        this.recentTexts = recentTexts;
        this.observer = observer;
        this.connector = connector;
        this.cursors = cursors;
        this.history = history;
        this.intake = intake;
        Duration halfRead = connector.config().readTimeout().dividedBy(2);
        this.idleRenewal = halfRead.isZero() || halfRead.compareTo(idleRenewal) >= 0 ? idleRenewal : halfRead;
        this.state = state;
        this.validityChanges = validityChanges;
        this.account = accountOf(connector.config());
        this.progressEvery = Duration.ofSeconds(10);
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
    public static String accountOf(org.rebond.config.RebondConfig.Mailbox m) {
        return m.username() + "@" + m.host() + ":" + m.port();
    }

    /**
     * Completes once every followed folder has been read to its end for the first time (and the
     * text of new contacts filled in): from then on the history is whole.
     */
    public java.util.concurrent.CompletableFuture<Void> firstPass() {
        return firstPass;
    }

    /**
     * Told, with {@link System#nanoTime()}, each time IDLE ends because the server announced new
     * mail in INBOX: the benchmark measures rebond's own share of a detection from there.
     */
    public void whenNewMailNoticed(java.util.function.LongConsumer atNanos) {
        this.newMailNoticed = atNanos;
    }

    /** How many times the watcher has connected (1 while all is well). */
    public int connections() {
        return connections.get();
    }

    /** Starts following the mailbox; a folder paused for its UIDVALIDITY (B39) is read again: that is how the user resumes it. */
    public void start() {
        start(null);
    }

    /** Starts following the mailbox, with a connection opened ahead ({@link ImapConnector#connectAhead}) as its first one. */
    public void start(ImapConnector.FirstConnection firstConnection) {
        this.firstConnection = firstConnection;
        for (UidValidityChanges.Pause p : validityChanges.resumeAll()) {
            log.warn("reading {} again: it was paused since {} because its UIDVALIDITY changed {} times within {} h (last {} -> {}); "
                    + "this start resumes it and counts its changes afresh", p.folder(), p.since(), p.changes(),
                    UIDVALIDITY_CHANGE_WINDOW.toHours(), p.from(), p.to());
        }
        running = true;
        thread = new Thread(this::loop, "rebond-mailbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** The last connection problem, empty when all is well (for status and doctor). */
    public String lastProblem() {
        return lastProblem;
    }

    private Store nextConnection() {
        ImapConnector.FirstConnection first = firstConnection;
        firstConnection = null;
        return first != null ? first.take() : connector.connect();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try (Store store = nextConnection()) {
                connections.incrementAndGet();
                failures = 0;
                lastProblem = "";
                record(() -> state.connected(account));
                follow(store);
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

    /**
     * Keeps INBOX open (it is where IDLE waits) and opens the other followed folders only while
     * reading them: a folder left open holds a connection of its own that sees no traffic between
     * syncs, and servers and NAT boxes close such quiet connections.
     */
    private void follow(Store store) throws MessagingException {
        IMAPStore imapStore = (IMAPStore) store;
        qresync = imapStore.hasCapability("QRESYNC");
        condstore = imapStore.hasCapability("CONDSTORE") || qresync; // QRESYNC implies CONDSTORE (RFC 7162)
        IMAPFolder inbox = (IMAPFolder) store.getFolder(connector.config().inbox());
        open(inbox);
        List<String> others = new ArrayList<>();
        var sent = FolderFinder.find(store, FolderFinder.Role.SENT, connector.config().sent());
        String archiveName = connector.config().archive();
        var archive = "none".equalsIgnoreCase(archiveName) ? java.util.Optional.<FolderFinder.Found>empty()
                : FolderFinder.find(store, FolderFinder.Role.ARCHIVE, archiveName);
        for (var found : List.of(sent, archive)) {
            if (found.isPresent() && !found.get().name().equalsIgnoreCase(inbox.getFullName())
                    && others.stream().noneMatch(name -> name.equalsIgnoreCase(found.get().name()))) {
                others.add(found.get().name());
            }
        }
        boolean idle = connector.config().idle() && imapStore.hasCapability("IDLE");
        List<String> followed = new ArrayList<>(List.of(inbox.getFullName()));
        followed.addAll(others);
        log.info("following {} on {} ({}{})", followed, connector.config().host(),
                idle ? "IDLE, renewed every " + idleRenewal.toSeconds() + " s" : "polling every " + connector.config().pollInterval().toSeconds() + " s",
                qresync ? ", QRESYNC" : condstore ? ", CONDSTORE" : "");
        try {
            while (running) {
                int countedBeforeSync = inbox.getMessageCount();
                readAll(store, inbox, others);
                if (running) {
                    // INBOX stays open (IDLE) between syncs, for months: what Angus keeps for it stays
                    // under a window. Reopened once the other folders were read, so that their read
                    // follows INBOX's at once.
                    reopenIfFull(inbox);
                }
                observer.synced(inbox.getFullName());
                fillTextOfNewContacts(store, inbox);
                firstPass.complete(null);
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
     * Reads INBOX on this thread and, meanwhile, the other folders on {@link #otherFolders}. When
     * either fails, the other is still waited for (it stops at its next batch if the connection
     * went away, or reads on to its end, its cursor moving), so no read outlives this pass.
     */
    private void readAll(Store store, IMAPFolder inbox, List<String> others) throws MessagingException {
        java.util.concurrent.Future<Void> othersRead = others.isEmpty() ? null : otherFolders.submit(() -> {
            for (String name : others) {
                if (running) {
                    syncClosed(store, name);
                }
            }
            return null;
        });
        try {
            readAfterCursor(inbox);
        } catch (MessagingException | RuntimeException e) {
            if (othersRead != null) {
                try {
                    waitFor(othersRead);
                } catch (MessagingException | RuntimeException other) {
                    e.addSuppressed(other);
                }
            }
            throw e;
        }
        if (othersRead != null) {
            waitFor(othersRead);
        }
    }

    private static void waitFor(java.util.concurrent.Future<Void> read) throws MessagingException {
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while the other folders were read", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof MessagingException m) {
                throw m;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void syncClosed(Store store, String name) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(name);
        try {
            open(folder);
        } catch (MessagingException staleConnection) {
            // The pooled connection handed out may have been closed by the server while it sat
            // unused; the failed one is discarded, so a second open gets a fresh connection.
            log.debug("reopening {} on a fresh connection: {}", name, staleConnection.getMessage());
            folder = (IMAPFolder) store.getFolder(name);
            open(folder);
        }
        try {
            sync(folder);
        } finally {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    /**
     * Read-only; with CONDSTORE enabled where the server has it, so the folder reports its
     * HIGHESTMODSEQ, and with QRESYNC where the server has it and the cursor holds a UIDVALIDITY
     * and a HIGHESTMODSEQ (Angus sends ENABLE QRESYNC, then {@code EXAMINE folder (QRESYNC (uidvalidity
     * modseq))}). The server then reports only what changed since the cursor: the flag changes
     * (FETCH) and the expunged UIDs (VANISHED (EARLIER)); rebond needs neither, since what is new
     * is found from the cursor's last UID, but Angus keeps a message object for each changed one
     * until the folder is closed, so they count towards the window after which a folder kept open
     * is reopened.
     */
    private void open(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        int changesReported = 0;
        var cursor = qresync ? cursors.get(name) : java.util.Optional.<FolderCursors.Cursor>empty();
        if (cursor.isPresent() && cursor.get().uidValidity() > 0 && cursor.get().highestModseq() > 0) {
            var events = folder.open(Folder.READ_ONLY,
                    new org.eclipse.angus.mail.imap.ResyncData(cursor.get().uidValidity(), cursor.get().highestModseq()));
            changesReported = events == null ? 0 : events.size();
        } else if (condstore) {
            folder.open(Folder.READ_ONLY, org.eclipse.angus.mail.imap.ResyncData.CONDSTORE);
        } else {
            folder.open(Folder.READ_ONLY);
        }
        readSinceOpen.put(name, changesReported);
        atOpen.put(name, new AtOpen(condstore ? highestModseq(folder) : 0, folder.getMessageCount(), uidNextOf(folder)));
    }

    /**
     * Closes and opens the folder again (on the same connection, returned to and taken from the
     * pool), so Angus drops every message it kept for it. Nothing is held across: the scan keeps
     * UIDs only.
     */
    private void reopen(IMAPFolder folder) throws MessagingException {
        folder.close(false);
        open(folder);
        atOpen.remove(folder.getFullName()); // read only after the next wait: no longer fresh by then
        observer.reopened(folder.getFullName());
    }

    /** Reopens the folder when a window's worth of messages were read since it was opened. */
    private void reopenIfFull(IMAPFolder folder) throws MessagingException {
        if (readSinceOpen.getOrDefault(folder.getFullName(), 0) >= window) {
            reopen(folder);
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
        readAfterCursor(folder);
        observer.synced(folder.getFullName());
    }

    /**
     * One pass over what is after the cursor, in batches of {@link #batch} UIDs: per batch one
     * FETCH of the structures and header fields, one per distinct section needed, and one
     * transaction for the history and the cursor.
     */
    private void readAfterCursor(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        AtOpen opened = atOpen.remove(name);
        var paused = validityChanges.pauseOf(name);
        if (paused.isPresent()) {
            log.debug("{} is paused since {} (its UIDVALIDITY kept changing): not read", name, paused.get().since());
            return;
        }
        long uidValidity = folder.getUIDValidity();
        var cursor = cursors.get(name).orElse(new FolderCursors.Cursor(name, uidValidity, 0, 0));
        String seen; // what shows that UIDs are reused, when they are
        if (cursor.uidValidity() != uidValidity) {
            int changes = validityChanges.record(name, cursor.uidValidity(), uidValidity, UIDVALIDITY_CHANGE_WINDOW);
            if (changes >= UIDVALIDITY_CHANGES_BEFORE_PAUSE) {
                validityChanges.pause(name, changes, cursor.uidValidity(), uidValidity);
                log.error("UIDVALIDITY of {} changed again ({} -> {}), {} changes within {} h: rebond STOPPED READING {} (the other "
                        + "folders are still followed). A server that keeps renumbering a folder would have it read in full again and again, "
                        + "and its UIDs cannot be trusted. Check the server or your provider (a migration, an index being rebuilt, a proxy "
                        + "such as Nylas that renumbers folders); once it is stable, restart rebond (systemctl restart rebond, or "
                        + "systemctl --user restart rebond) and it reads {} again, recognising by Message-ID and calendar UID what it already "
                        + "handled", name, cursor.uidValidity(), uidValidity, changes, UIDVALIDITY_CHANGE_WINDOW.toHours(), name, name);
                return;
            }
            log.warn("UIDVALIDITY of {} changed ({} -> {}): reading the whole folder again; invitations and notes already "
                    + "handled are recognised and not acted on twice", name, cursor.uidValidity(), uidValidity);
            history.forgetFolder(name, cursor.uidValidity());
            cursor = new FolderCursors.Cursor(name, uidValidity, 0, 0);
            cursors.save(cursor); // at once: a drop during the re-read must not make this change count twice
        } else if ((seen = uidsReused(folder, cursor, opened == null ? 0 : opened.uidNext())) != null) {
            log.error("{}: {} although UIDVALIDITY ({}) did not change — a server fault "
                    + "(B40). Reading the whole folder again; what was already handled is recognised by Message-ID and calendar UID and "
                    + "not acted on twice", name, seen, uidValidity);
            history.forgetFolder(name, uidValidity);
            cursor = new FolderCursors.Cursor(name, uidValidity, 0, 0);
        }
        long modseq = condstore ? highestModseq(folder) : 0;
        if (opened != null && opened.modseq() > 0 && opened.modseq() == cursor.highestModseq() && cursor.uidValidity() == uidValidity
                && folder.getMessageCount() == opened.messages()) {
            // Every message up to this HIGHESTMODSEQ was read (it is saved only once a folder is read
            // to the end), and a new message would have raised it; one that arrived since the
            // opening changed the count (or shows at the NOOP before IDLE).
            log.debug("{}: HIGHESTMODSEQ {} as at the last complete read, UIDVALIDITY {} unchanged: nothing new, no UID SEARCH",
                    name, opened.modseq(), uidValidity);
            return;
        }
        long[] uids = uidsAfter(folder, cursor.lastUid());
        String lost = probing.remove(name);
        if (lost != null) {
            lostOn.merge(lost, 1, Integer::sum); // the connection was lost while this message was read alone
        }
        uids = withoutQuarantined(name, uidValidity, uids);
        if (uids.length == 0) {
            if (modseq != cursor.highestModseq()) {
                cursors.save(new FolderCursors.Cursor(name, uidValidity, cursor.lastUid(), modseq));
            }
            return;
        }
        long lastUid = cursor.lastUid();
        long textFrom = uids.length > recentTexts ? uids[uids.length - recentTexts] : 0;
        if (textFrom > 0) {
            textsLeftForLater = true; // the latest messages with each contact get theirs after the pass
        }
        ScanProgress progress = uids.length > batch ? ScanProgress.of(name, uids.length, progressEvery, progressDisplay) : null;
        // The batch read last, handed to the intake once the next batch's FETCH is on its way: the
        // server works on that one while this thread waits for the intake to be free.
        HandOver handOver = null;
        IntakeLane.Feed feed = lane.feed();
        try {
            for (int from = 0; from < uids.length && running; from += batch) {
                int to = Math.min(uids.length, from + batch);
                // Each message is prepared as its description arrives, while the server sends the rest.
                MessageIntake.Batch batch = intake.startBatch(name, uidValidity, textFrom);
                java.util.Map<Long, MessageIntake.Prepared> prepared = new java.util.HashMap<>();
                HandOver previous = handOver; // stays in handOver until replaced: a failure below still hands it over
                ReadAlone readAlone = new ReadAlone(new java.util.HashSet<>(), new java.util.HashMap<>());
                List<ScannedMessage> scanned = scanBatch(folder, name, uidValidity, uids, from, to, m -> prepared.put(m.uid(), intake.prepare(batch, m)),
                        previous == null ? null : previous::run, prepared, readAlone);
                if (previous != null) {
                    previous.rethrow();
                }
                ReadBatch read;
                try {
                    read = fetchBatch(reader, intake, folder, batch, scanned, prepared, readAlone);
                } catch (MessagingException | RuntimeException e) {
                    noteFailedRead(name, uidValidity, uids[from]);
                    throw e;
                }
                failedReads.remove(name);
                if (!scanned.isEmpty()) {
                    lastUid = Math.max(lastUid, scanned.get(scanned.size() - 1).uid());
                }
                lastUid = Math.max(lastUid, uids[to - 1]); // what was expunged meanwhile is passed too
                // HIGHESTMODSEQ is only a valid resync point once every message up to it was read.
                var after = new FolderCursors.Cursor(name, uidValidity, lastUid, to >= uids.length ? modseq : cursor.highestModseq());
                int count = to - from;
                handOver = new HandOver(feed, () -> {
                    takeBatch(intake, read);
                    intake.flush(() -> cursors.save(after));
                    observer.batchRead(name, scanned);
                    if (progress != null) {
                        progress.advance(count);
                    }
                });
                readSinceOpen.merge(name, scanned.size(), Integer::sum);
            }
            if (handOver != null) {
                handOver.run();
                handOver.rethrow();
            }
            feed.drain();
        } catch (MessagingException | RuntimeException e) {
            if (handOver != null && !handOver.ran()) {
                handOver.run(); // read whole before the failure: taken, so its cursor moves
            }
            feed.drainQuietly();
            throw e;
        }
    }

    /**
     * One batch read and not yet handed to the intake lane. {@link #run} hands it over (waiting
     * for the batch before it to be taken) and keeps what that throws, for {@link #rethrow} on the
     * mailbox thread, outside the FETCH it overlapped.
     */
    private static final class HandOver {
        private final IntakeLane.Feed feed;
        private final Runnable take;
        private boolean ran;
        private RuntimeException failure;

        HandOver(IntakeLane.Feed feed, Runnable take) {
            this.feed = feed;
            this.take = take;
        }

        void run() {
            if (ran) {
                return;
            }
            ran = true;
            try {
                feed.submit(take);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        boolean ran() {
            return ran;
        }

        void rethrow() {
            if (failure != null) {
                RuntimeException e = failure;
                failure = null;
                throw e;
            }
        }
    }

    /**
     * Describes one batch. Some servers close the connection whenever a message they cannot read
     * is fetched (Dovecot: "BYE FETCH failed: Internal error"), and then every retry of the batch
     * would fail the same way, for ever. So a batch whose read (its descriptions or its parts: a
     * server may describe a message from its cache and fail only on its file) lost the connection
     * twice in a row is read one message at a time, each with its parts; a message whose own
     * reads lose it twice is quarantined, with the server's words, and the folder is read on past
     * it (BAD-INPUTS: one bad message, the rest flows on).
     */
    private List<ScannedMessage> scanBatch(IMAPFolder folder, String name, long uidValidity, long[] uids, int from, int to,
                                           java.util.function.Consumer<ScannedMessage> described, Runnable onceAsked,
                                           java.util.Map<Long, MessageIntake.Prepared> prepared, ReadAlone readAlone)
            throws MessagingException {
        FailedRead failedRead = failedReads.get(name);
        boolean failedBefore = failedRead != null && failedRead.uidValidity() == uidValidity && failedRead.firstUid() == uids[from];
        if (failedBefore && failedRead.times() >= 2) {
            List<ScannedMessage> scanned = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                String item = name + ":" + uidValidity + ":" + uids[i];
                if (lostOn.getOrDefault(item, 0) >= 2) {
                    intake.quarantine(name, uidValidity, uids[i], "the server closes the connection whenever this message is read ("
                            + lastLoss + "); rebond reads on past it");
                    lostOn.remove(item);
                    continue;
                }
                probing.put(name, item);
                List<ScannedMessage> alone = reader.scan(folder, uids, i, i + 1, described);
                // Its parts too, alone: a server may describe a message from its cache and close
                // the connection only when its file is read.
                for (ScannedMessage m : alone) {
                    MessageIntake.Prepared p = prepared.get(m.uid());
                    if (p != null && !p.downloads().isEmpty()) {
                        readAlone.parts().putAll(reader.parts(folder, p.downloads()));
                    }
                    readAlone.uids().add(m.uid());
                }
                scanned.addAll(alone);
                probing.remove(name);
                lostOn.remove(item);
            }
            if (onceAsked != null) {
                onceAsked.run(); // read one by one: nothing left to overlap
            }
            return scanned;
        }
        try {
            return reader.scan(folder, uids, from, to, described, onceAsked);
        } catch (MessagingException | RuntimeException e) {
            noteFailedRead(name, uidValidity, uids[from]);
            throw e;
        }
    }

    /** The read of the batch starting at {@code firstUid} failed (its descriptions or its parts): once more in a row. */
    private void noteFailedRead(String name, long uidValidity, long firstUid) {
        failedReads.compute(name, (folder, before) -> new FailedRead(folder, uidValidity, firstUid,
                before != null && before.uidValidity() == uidValidity && before.firstUid() == firstUid ? before.times() + 1 : 1));
    }

    /** The UIDs not quarantined: a message quarantined is never fetched again. */
    private long[] withoutQuarantined(String name, long uidValidity, long[] uids) {
        java.util.Set<Long> quarantined = intake.quarantinedUids(name, uidValidity);
        return quarantined.isEmpty() ? uids : java.util.Arrays.stream(uids).filter(uid -> !quarantined.contains(uid)).toArray();
    }

    /** A batch whose FETCH lost the connection, and how many times in a row. */
    private record FailedRead(String folder, long uidValidity, long firstUid, int times) {}

    /** A batch read from the server with what its messages need, ready to be taken. */
    record ReadBatch(MessageIntake.Batch batch, List<MessageIntake.Prepared> prepared, java.util.Map<String, byte[]> parts,
                     java.util.Map<Long, java.util.Date> received) {}

    /**
     * Prepares one batch on the mailbox thread: asks the intake what each message needs, then
     * downloads all of that in one command per distinct section (and the INTERNALDATE of messages
     * without a usable Date).
     */
    static ReadBatch fetchBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, MessageIntake.Batch batch,
                                List<ScannedMessage> scanned, java.util.Map<Long, MessageIntake.Prepared> preparedEarly) throws MessagingException {
        return fetchBatch(reader, intake, folder, batch, scanned, preparedEarly, new ReadAlone(java.util.Set.of(), java.util.Map.of()));
    }

    /** The messages of a batch read one at a time with their parts (after lost connections), and those parts. */
    private record ReadAlone(java.util.Set<Long> uids, java.util.Map<String, byte[]> parts) {}

    /** As above; the parts of the messages in {@code readAlone} are not fetched again. */
    private static ReadBatch fetchBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, MessageIntake.Batch batch,
                                        List<ScannedMessage> scanned, java.util.Map<Long, MessageIntake.Prepared> preparedEarly,
                                        ReadAlone readAlone) throws MessagingException {
        List<MessageIntake.Prepared> prepared = new ArrayList<>(scanned.size());
        List<ImapBatchReader.PartRequest> downloads = new ArrayList<>();
        List<Long> undated = new ArrayList<>();
        for (ScannedMessage m : scanned) {
            MessageIntake.Prepared early = preparedEarly.get(m.uid());
            MessageIntake.Prepared p = early != null && early.message() == m ? early : intake.prepare(batch, m);
            prepared.add(p);
            if (!readAlone.uids().contains(m.uid())) {
                downloads.addAll(p.downloads());
            }
            if (p.needsReceivedDate()) {
                undated.add(m.uid());
            }
        }
        java.util.Map<String, byte[]> parts = new java.util.HashMap<>(readAlone.parts());
        if (!downloads.isEmpty()) {
            parts.putAll(reader.parts(folder, downloads));
        }
        java.util.Map<Long, java.util.Date> received = undated.isEmpty() ? java.util.Map.of()
                : reader.receivedDates(folder, undated.stream().mapToLong(Long::longValue).toArray());
        return new ReadBatch(batch, prepared, parts, received);
    }

    /** Hands the messages of a read batch to the intake, in UID order. */
    static void takeBatch(MessageIntake intake, ReadBatch read) {
        for (MessageIntake.Prepared p : read.prepared()) {
            intake.take(read.batch(), p, read.parts(), read.received().get(p.message().uid()));
        }
    }

    /** Reads and takes one batch on the calling thread (the tests' way in). */
    static void readBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, long uidValidity, List<ScannedMessage> scanned)
            throws MessagingException {
        takeBatch(intake, fetchBatch(reader, intake, folder, intake.startBatch(folder.getFullName(), uidValidity), scanned, java.util.Map.of()));
    }

    /**
     * The UIDs after {@code lastUid}, ascending, by {@code UID SEARCH}: unlike
     * {@code getMessagesByUID(n, LASTUID)} it makes no message object for them, so a scan of
     * 100,000 messages holds 100,000 longs until it reads them window by window.
     */
    static long[] uidsAfter(IMAPFolder folder, long lastUid) throws MessagingException {
        long[] found = (long[]) folder.doCommand(protocol -> {
            org.eclipse.angus.mail.iap.Response[] responses = protocol.command("UID SEARCH UID " + (lastUid + 1) + ":*", null);
            org.eclipse.angus.mail.iap.Response result = responses[responses.length - 1];
            long[] uids = new long[64];
            int count = 0;
            if (result.isOK()) {
                for (int i = 0; i < responses.length; i++) {
                    if (responses[i] instanceof org.eclipse.angus.mail.imap.protocol.IMAPResponse r && r.keyEquals("SEARCH")) {
                        long uid;
                        while ((uid = r.readLong()) != -1) {
                            if (uid > lastUid) {
                                if (count == uids.length) {
                                    uids = java.util.Arrays.copyOf(uids, count * 2);
                                }
                                uids[count++] = uid;
                            }
                        }
                        responses[i] = null;
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(result);
            return java.util.Arrays.copyOf(uids, count);
        });
        java.util.Arrays.sort(found);
        return found;
    }

    /** UIDNEXT as the server gave it when the folder was opened, 0 when unknown. */
    private static long uidNextOf(IMAPFolder folder) {
        try {
            return Math.max(folder.getUIDNext(), 0);
        } catch (MessagingException | RuntimeException e) {
            return 0;
        }
    }

    private static long highestModseq(IMAPFolder folder) {
        try {
            return Math.max(folder.getHighestModSeq(), 0);
        } catch (MessagingException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * What shows that UIDs are reused without a UIDVALIDITY change (B40), null when nothing does:
     * a UIDNEXT at or below the last UID read (as the server gave it when the folder was just
     * opened: no command; 0 when it was not), or the last message
     * read now carrying another Message-ID (one small FETCH per wake-up).
     */
    private String uidsReused(IMAPFolder folder, FolderCursors.Cursor cursor, long uidNextAtOpen) throws MessagingException {
        if (cursor.lastUid() <= 0) {
            return null;
        }
        long uidNext = uidNextAtOpen; // only just after an opening: Angus does not follow it for a folder kept open
        if (uidNext > 0 && uidNext <= cursor.lastUid()) {
            // The folder was emptied or restored and is numbered again from lower UIDs: new mail
            // would sit below the cursor and never be read.
            return "UIDNEXT is " + uidNext + " but rebond has read up to UID " + cursor.lastUid();
        }
        var known = history.messageIdAt(folder.getFullName(), cursor.uidValidity(), cursor.lastUid());
        if (known.isEmpty() || known.get().isBlank()) {
            return null;
        }
        var now = reader.messageIdHeader(folder, cursor.lastUid());
        if (now.isEmpty()) {
            return null; // expunged: nothing to compare
        }
        String current = HeaderSafety.messageId(now.get()).orElse("");
        return !current.isEmpty() && !current.equals(known.get()) ? "the message with UID " + cursor.lastUid() + " now has another Message-ID"
                : null;
    }

    /**
     * Someone just became a known contact: download the text of their earlier messages (the
     * newest {@value #TEXT_FILLED_PER_CONTACT}, what a brief reads), which the scan skipped.
     */
    /**
     * Fills in the text of the latest messages with the people who became contacts during this
     * pass, and with every contact after a long read (whose older messages were kept without
     * text: {@link MessageIntake#OWN_TEXTS}): what their briefs will read.
     */
    private void fillTextOfNewContacts(Store store, IMAPFolder inbox) throws MessagingException {
        java.util.Set<String> contacts = new java.util.LinkedHashSet<>(intake.newlyKnownContacts());
        boolean afterLongRead = textsLeftForLater;
        if (afterLongRead) {
            contacts.addAll(intake.knownContacts());
        }
        java.util.Map<String, List<MessageHistory.Textless>> byFolder = new java.util.LinkedHashMap<>();
        for (String email : contacts) {
            for (MessageHistory.Textless row : history.withoutText(email, TEXT_FILLED_PER_CONTACT)) {
                byFolder.computeIfAbsent(row.folder(), f -> new ArrayList<>()).add(row);
            }
        }
        for (var entry : byFolder.entrySet()) {
            boolean isInbox = entry.getKey().equals(inbox.getFullName());
            IMAPFolder folder = isInbox ? inbox : (IMAPFolder) store.getFolder(entry.getKey());
            if (!isInbox) {
                if (!folder.exists()) {
                    continue;
                }
                open(folder);
            }
            try {
                fillText(reader, intake, history, folder, entry.getValue());
            } finally {
                if (!isInbox) {
                    folder.close(false);
                    atOpen.remove(folder.getFullName());
                }
            }
        }
        if (afterLongRead) {
            textsLeftForLater = false;
        }
    }

    /** Downloads the text of these rows of one open folder: one structure FETCH, then one FETCH per distinct text section. */
    static void fillText(ImapBatchReader reader, MessageIntake intake, MessageHistory history, IMAPFolder folder,
                         List<MessageHistory.Textless> rows) throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        java.util.Map<Long, MessageHistory.Textless> byUid = new java.util.HashMap<>();
        for (MessageHistory.Textless row : rows) {
            if (row.uidValidity() == uidValidity) {
                byUid.put(row.uid(), row);
            }
        }
        long[] uids = byUid.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        if (uids.length == 0) {
            return;
        }
        List<ScannedMessage> scanned = reader.scan(folder, uids, 0, uids.length);
        List<ImapBatchReader.PartRequest> downloads = new ArrayList<>();
        for (ScannedMessage m : scanned) {
            intake.textOf(m).ifPresent(downloads::add);
        }
        java.util.Map<String, byte[]> parts = downloads.isEmpty() ? java.util.Map.of() : reader.parts(folder, downloads);
        List<MessageHistory.Text> texts = new ArrayList<>();
        for (ScannedMessage m : scanned) {
            intake.textFor(byUid.get(m.uid()), m, parts).ifPresent(texts::add);
        }
        history.setTexts(texts);
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
        otherFolders.shutdownNow();
        lane.close();
    }
}
