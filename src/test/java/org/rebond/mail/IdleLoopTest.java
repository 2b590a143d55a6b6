package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.config.RebondConfig;
import org.rebond.store.SqlMailboxState;

/**
 * What one connection does (GreenMail): the first pass reads INBOX and Sent, then INBOX waits in
 * IDLE, where new mail is seen and noticed on the same connection; IDLE is renewed at its
 * interval, never later than half the read timeout; without IDLE, INBOX is polled; a stopped
 * session ends the IDLE under way.
 */
class IdleLoopTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MailTestKit kit;
    private MailboxSession session;
    private FollowedFolders folders;
    private IntakeLane lane;
    private final RecordingScanObserver observer = new RecordingScanObserver();
    private final AtomicBoolean followEnded = new AtomicBoolean();
    /** The loop following the session's connection, once started. */
    private IdleLoop following;


    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
        lane = new IntakeLane();
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.stop();
            if (following != null) {
                endIdle();
            }
            session.awaitEnd();
        }
        if (folders != null) {
            folders.close();
        }
        lane.close();
        kit.close();
    }

    /** The loop and its parts, wired as the watcher wires them. */
    private IdleLoop loop(RebondConfig.Mailbox mailbox, Duration idleRenewal) {
        session = new MailboxSession(kit.connector(mailbox, MailTestKit.PASSWORD), new SqlMailboxState(kit.db, MailTestKit.CLOCK),
                MailboxWatcher.accountOf(mailbox));
        FolderOpener opener = new FolderOpener(kit.cursors, MailboxWatcher.WINDOW, observer);
        FolderCursorKeeper keeper = new FolderCursorKeeper(kit.cursors, kit.history, kit.validityChanges, kit.reader, opener);
        TextBackfill backfill = new TextBackfill(kit.reader, kit.intake, kit.history, opener);
        FolderScan scan = new FolderScan(kit.reader, kit.intake, keeper, opener, new UnreadableMessages(kit.reader, kit.intake, session::lastLoss),
                backfill, lane, observer, MailboxWatcher.WINDOW, MessageIntake.OWN_TEXTS, session::running);
        folders = new FollowedFolders(opener, scan, session::running);
        return new IdleLoop(mailbox, idleRenewal, opener, folders, backfill, observer, session);
    }

    private void follow(IdleLoop loop) {
        following = loop;
        session.start(store -> {
            try {
                loop.follow(store);
            } finally {
                followEnded.set(true);
            }
        });
    }

    private long lastUid(String folder) {
        return kit.cursors.get(folder).map(Cursor::lastUid).orElse(0L);
    }

    @Test
    void theRenewalIsTheOneAskedForButNeverLaterThanHalfTheReadTimeout() {
        assertThat(renewal(Duration.ofMinutes(10), Duration.ofMinutes(29))).isEqualTo(Duration.ofMinutes(5));
        assertThat(renewal(Duration.ofMinutes(10), Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(renewal(Duration.ZERO, Duration.ofMinutes(29))).as("no read timeout").isEqualTo(Duration.ofMinutes(29));
    }

    private Duration renewal(Duration readTimeout, Duration asked) {
        return new IdleLoop(kit.mailbox(true, Duration.ofMinutes(1), readTimeout), asked, null, null, null, observer, null).idleRenewal();
    }

    @Test
    void theFirstPassReadsInboxAndSentToTheirEnds() throws Exception {
        kit.deliverFromStrangers(3);
        kit.put("Sent", "Camille Martin <" + MailTestKit.USER + ">", "lou@example.net", "Hello", "Hello Lou.");
        IdleLoop loop = loop(kit.mailbox(), Duration.ofMinutes(9));

        follow(loop);

        loop.firstPass().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(lastUid("INBOX")).isEqualTo(3);
        assertThat(lastUid("Sent")).isEqualTo(1);
        assertThat(observer.synced).containsOnlyKeys("INBOX", "Sent");
    }

    @Test
    void newMailIsSeenInIdleOnTheSameConnectionAndNoticed() throws Exception {
        kit.deliverFromStrangers(2);
        // Renewed after 30 s (half the read timeout), beyond the bound: only IDLE itself can see the mail.
        IdleLoop loop = loop(kit.mailbox(true, Duration.ofMinutes(1), Duration.ofMinutes(1)), Duration.ofMinutes(9));
        AtomicLong noticedAt = new AtomicLong();
        loop.whenNewMailNoticed(noticedAt::set);
        follow(loop);
        await().atMost(BOUND).until(() -> loop.firstPass().isDone());
        long before = System.nanoTime();

        kit.deliverFromStrangers(1);

        await().atMost(BOUND).until(() -> lastUid("INBOX") == 3);
        assertThat(noticedAt.get()).isGreaterThan(before);
        assertThat(session.connections()).isEqualTo(1);
    }

    @Test
    void idleIsRenewedAtItsInterval() {
        IdleLoop loop = loop(kit.mailbox(), Duration.ofMillis(300));

        follow(loop);

        await().atMost(BOUND).until(() -> observer.syncs("INBOX") >= 3);
        assertThat(session.connections()).as("renewed on the same connection").isEqualTo(1);
    }

    @Test
    void withoutIdleInboxIsPolledAtTheInterval() throws Exception {
        IdleLoop loop = loop(kit.mailbox(false, Duration.ofMillis(300), Duration.ofSeconds(10)), Duration.ofMinutes(9));
        AtomicInteger noticed = new AtomicInteger();
        loop.whenNewMailNoticed(at -> noticed.incrementAndGet());
        follow(loop);
        await().atMost(BOUND).until(() -> loop.firstPass().isDone());

        kit.deliverFromStrangers(1);

        await().atMost(BOUND).until(() -> lastUid("INBOX") == 1);
        assertThat(noticed).as("no IDLE to end").hasValue(0);
        assertThat(session.connections()).isEqualTo(1);
    }

    @Test
    void aStoppedSessionEndsTheIdleUnderWayAndTheLoopWithIt() {
        IdleLoop loop = loop(kit.mailbox(), Duration.ofMinutes(9));
        follow(loop);
        await().atMost(BOUND).until(() -> loop.firstPass().isDone());

        session.stop();

        endIdle();
        assertThat(session.connections()).isEqualTo(1);
    }

    /** Breaks the IDLE under way off until the loop ends: once stopped, it may still be between its NOOP and its IDLE. */
    private void endIdle() {
        await().atMost(BOUND).until(() -> {
            following.breakIdle();
            return followEnded.get();
        });
    }
}
