package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.InterviewService;
import org.rebond.application.InvitationTriage;
import org.rebond.application.MessageArrivals;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.IcalCalendarReader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.realserver.DovecotServer;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlFolderCursors;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.rebond.store.SqlUidValidityChanges;

/**
 * A long scan on a real Dovecot: nothing read stays in memory once its batch is taken (issue 3,
 * "memory stays bounded whatever the mailbox size"); INBOX, which stays open for months, is
 * reopened once a window's worth was read so Angus drops the message objects it keeps for it,
 * and, reopened, still waits in IDLE and sees new mail.
 */
class LongScanIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String USER = "camille@example.org";
    private static final String CONTACT = "jeanne@acme.example";

    @TempDir
    Path dir;

    private DovecotServer dovecot;
    private Database db;
    private QuartzActionScheduler scheduler;
    private SqlFolderCursors cursors;
    private MailboxWatcher watcher;
    private final Recorder recorder = new Recorder();

    /** Weak references to every INBOX message the scan read, and what the watcher reports. */
    private static final class Recorder implements MailboxWatcher.ScanObserver {
        final List<WeakReference<ScannedMessage>> read = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> reopened = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> synced = new ConcurrentHashMap<>();
        /** The INBOX batch whose taking fails, once (0: none). */
        volatile int failingBatch;
        final AtomicInteger inboxBatches = new AtomicInteger();

        @Override
        public void batchRead(String folder, List<ScannedMessage> messages) {
            if (folder.equals("INBOX") && inboxBatches.incrementAndGet() == failingBatch) {
                throw new IllegalStateException("the intake failed on this batch (test)");
            }
            if (folder.equals("INBOX")) {
                for (ScannedMessage m : messages) {
                    read.add(new WeakReference<>(m));
                }
            }
        }

        @Override
        public void reopened(String folder) {
            reopened.computeIfAbsent(folder, f -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void synced(String folder) {
            synced.computeIfAbsent(folder, f -> new AtomicInteger()).incrementAndGet();
        }

        int reopenings(String folder) {
            AtomicInteger n = reopened.get(folder);
            return n == null ? 0 : n.get();
        }

        long stillInMemory() {
            return read.stream().filter(r -> r.get() != null).count();
        }
    }

    @BeforeEach
    void start() {
        DovecotServer.assumeAvailable();
        dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null));
        db = Database.open(dir.resolve("rebond.db"));
        cursors = new SqlFolderCursors(db, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (scheduler != null) {
            scheduler.stop(false);
        }
        if (db != null) {
            db.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void aScanOfThreeThousandMessagesKeepsNoneOfThemInMemoryAndReopensTheInboxItKeepsOpen() throws Exception {
        scanInbox(3000, 200);
        assertThat(cursors.get("INBOX")).get().extracting(SqlFolderCursors.Cursor::lastUid).isEqualTo(3000L);
        assertThat(count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(3000);
        assertThat(recorder.read).hasSize(3000);

        for (int i = 0; i < 50 && recorder.stillInMemory() > 0; i++) {
            System.gc();
        }
        assertThat(recorder.stillInMemory()).as("messages read that something still holds").isZero();
        assertThat(recorder.reopenings("INBOX")).as("once, after the sync, as INBOX stays open").isEqualTo(1);
        assertThat(watcher.connections()).isEqualTo(1);
    }

    @Test
    void anInboxReopenedByTheScanStillWaitsInIdleAndSeesTheNextMessage() throws Exception {
        scanInbox(12, 5);
        assertThat(recorder.reopenings("INBOX")).as("once the twelve messages (over a window of five) were read").isEqualTo(1);

        dovecot.deliver(dovecot.user(), "INBOX", message(13).getBytes(StandardCharsets.UTF_8));

        await().atMost(BOUND).until(() -> cursors.get("INBOX").map(SqlFolderCursors.Cursor::lastUid).orElse(0L) == 13L);
        assertThat(count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(13);
        assertThat(watcher.connections()).as("seen in IDLE on the same connection, not after a reconnection").isEqualTo(1);
    }

    @Test
    void aBatchTheIntakeFailsToTakeEndsThatReadAndTheScanGoesOnFromItsCursorOnANewConnection() throws Exception {
        recorder.failingBatch = 2;
        writeInbox(1000);
        watcher = watcher(100);
        watcher.start();

        // The failure surfaces while the fourth batch is being fetched (batches are handed over one FETCH later),
        // once that FETCH was read whole; the watcher reconnects and reads on from the cursor of the second.
        await().atMost(BOUND).until(() -> cursors.get("INBOX").map(SqlFolderCursors.Cursor::lastUid).orElse(0L) == 1000L);
        assertThat(count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(1000);
        assertThat(watcher.connections()).as("one connection, then one after the failure").isEqualTo(2);
        assertThat(recorder.inboxBatches.get()).as("each batch taken once: the second failed after its cursor was kept; "
                + "the third (never handed over) and the fourth (read, not handed over) were read again").isEqualTo(10);
    }

    @Test
    void afterALongReadTheLatestMessagesWithEachContactGetTheirTextAndOlderOnesAreNeverDownloaded() throws Exception {
        writeInbox(600, i -> i % 4 == 0 ? CONTACT : null); // 150 messages from Jeanne, a contact since before this read
        new SqlInterviewStore(db, Clock.systemUTC()).save(new Interview(0, "iv-1@acme.example", "", 0, null,
                Interview.State.SCHEDULED, Instant.parse("2030-01-10T10:00:00Z"),
                Instant.parse("2030-01-10T10:30:00Z"), "Europe/Paris", false, "Information interview", "", CONTACT,
                new Interview.Person(CONTACT, "Jeanne Roe"), null, "title", "<invite-1@acme.example>"));
        watcher = watcher(100, 100); // the newest 100 keep their text as they are read: 25 of Jeanne's latest 50
        watcher.start();
        await().atMost(BOUND).until(() -> watcher.firstPass().isDone());

        SqlMessageHistory history = new SqlMessageHistory(db, Set.of(USER));
        assertThat(history.with(CONTACT, 50)).as("what a brief reads").hasSize(50).allSatisfy(m -> assertThat(m.sample()).startsWith("A note"));
        assertThat(count("SELECT COUNT(*) FROM message WHERE sample <> ''")).as("Jeanne's latest 50, nothing older, nobody else's")
                .isEqualTo(50);
    }

    @Test
    void sentIsReadOnAConnectionOfItsOwnWhileInboxIsReadAndBothReachTheirLastMessage() throws Exception {
        writeInbox(1000);
        writeFolder(dovecot.maildir(dovecot.user()).resolve(".Sent"), 300, i -> USER);
        Map<String, String> readBy = new ConcurrentHashMap<>();
        MailboxWatcher.ScanObserver threads = new MailboxWatcher.ScanObserver() {
            @Override
            public void batchRead(String folder, List<ScannedMessage> messages) {
                recorder.batchRead(folder, messages);
            }

            @Override
            public void reopened(String folder) {
                recorder.reopened(folder);
            }

            @Override
            public void synced(String folder) {
                readBy.putIfAbsent(folder, Thread.currentThread().getName());
                recorder.synced(folder);
            }
        };
        watcher = watcher(100, MessageIntake.OWN_TEXTS, threads);
        watcher.start();
        await().atMost(BOUND).until(() -> watcher.firstPass().isDone());

        assertThat(readBy).containsEntry("INBOX", "rebond-mailbox").containsEntry("Sent", "rebond-mailbox-folders");
        assertThat(cursors.get("INBOX")).get().extracting(SqlFolderCursors.Cursor::lastUid).isEqualTo(1000L);
        assertThat(cursors.get("Sent")).get().extracting(SqlFolderCursors.Cursor::lastUid).isEqualTo(300L);
        assertThat(count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(1000);
        assertThat(count("SELECT COUNT(*) FROM message WHERE folder = 'Sent'")).isEqualTo(300);
        assertThat(watcher.connections()).as("one connection of the watcher's (Sent's comes from its pool)").isEqualTo(1);
    }

    // ---- set-up ---------------------------------------------------------------------------

    /** Writes {@code count} messages into INBOX, starts the watcher with this window and waits for its first sync of INBOX. */
    private void scanInbox(int count, int window) throws Exception {
        writeInbox(count);
        watcher = watcher(window);
        watcher.start();
        await().atMost(BOUND).until(() -> recorder.synced.containsKey("INBOX"));
    }

    private MailboxWatcher watcher(int window) {
        return watcher(window, MessageIntake.OWN_TEXTS);
    }

    private MailboxWatcher watcher(int window, int recentTexts) {
        return watcher(window, recentTexts, recorder);
    }

    private MailboxWatcher watcher(int window, int recentTexts, MailboxWatcher.ScanObserver observer) {
        SqlInterviewStore store = new SqlInterviewStore(db, Clock.systemUTC());
        SqlMessageHistory history = new SqlMessageHistory(db, Set.of(USER));
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), Clock.systemUTC(),
                Clock.systemUTC(), 1);
        InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), Set.of(USER), store::isSuggestedContact);
        InterviewService interviews = new InterviewService(store, scheduler, detector, history, new Planner(Policy.defaults()),
                ZoneId.of("Europe/Paris"), Clock.systemUTC());
        RebondConfig.Profile profile = new RebondConfig.Profile("Camille Martin", List.of(USER), Locale.ENGLISH, ZoneId.of("Europe/Paris"),
                "move into product management", "six years of hospital projects", List.of(), "Camille");
        MessageIntake intake = new MessageIntake(profile, CalendarLimits.defaults(), new MessageArrivals(interviews, store, history,
                new SqlQuarantine(db, Clock.systemUTC()), db, new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()), detector),
                new NotesParser(), Locale.ENGLISH,
                MessageArrivals.Listener.NONE), store, new SqlOutbox(db), new SqlQuarantine(db, Clock.systemUTC()));
        RebondConfig.Mailbox mailbox = new RebondConfig.Mailbox(dovecot.host(), dovecot.port(), RebondConfig.Security.NONE, true,
                dovecot.user(), null, false, null, "INBOX", null, null, "none", false, true, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofSeconds(10));
        ImapConnector connector = new ImapConnector(mailbox, dovecot::password);
        // IDLE renewal far beyond the bound: new mail can only be seen through IDLE itself.
        return new MailboxWatcher(connector, cursors, history, intake, Duration.ofMinutes(9), new SqlMailboxState(db, Clock.systemUTC()),
                new SqlUidValidityChanges(db, Clock.systemUTC()), window, recentTexts, observer);
    }

    /** Small messages written straight into INBOX's maildir before any session (UIDs 1..count). */
    private void writeInbox(int count) throws Exception {
        writeInbox(count, i -> null);
    }

    /** As above, message {@code i} coming from {@code sender.apply(i)} instead of a stranger when that is not null. */
    private void writeInbox(int count, IntFunction<String> sender) throws Exception {
        writeFolder(dovecot.maildir(dovecot.user()), count, sender);
    }

    /** Into a folder's maildir (INBOX's, or {@code .Sent} under it). */
    private void writeFolder(Path maildir, int count, IntFunction<String> sender) throws Exception {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        for (int i = 1; i <= count; i++) {
            String from = sender.apply(i);
            Files.writeString(maildir.resolve("cur").resolve(String.format("%d.M%dP1.test:2,S", 1_700_000_000L + i, i)),
                    from == null ? message(i) : noteFrom(from, i));
        }
        dovecot.handToMailUser(maildir);
    }

    private static String message(int i) {
        return "Message-ID: <m" + i + "@news.example>\nFrom: Nina Stranger <nina@news.example>\nTo: " + USER + "\n"
                + "Subject: Digest " + i + "\nDate: Tue, 14 Nov 2023 10:00:00 +0000\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nNothing for you, number " + i + ".\n";
    }

    private static String noteFrom(String sender, int i) {
        return "Message-ID: <n" + i + "@acme.example>\nFrom: Jeanne Roe <" + sender + ">\nTo: " + USER + "\n"
                + "Subject: Note " + i + "\nDate: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.parse("2023-11-14T10:00:00Z").plusMinutes(i)) + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nA note, number " + i + ".\n";
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
