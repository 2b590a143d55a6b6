package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.application.MailboxStatus;
import org.rebond.config.RebondConfig;
import org.rebond.store.SqlMailboxState;

/**
 * The watcher as App uses it (GreenMail): started, it reads the mailbox, says when its first pass
 * is done, notices new mail and how it stands; a folder paused for its UIDVALIDITY is read again at
 * the start; closing ends it. (Closing during IDLE: IdleLoopTest.) Long reads, real servers: LongScanIT and the realserver tests.
 */
class MailboxWatcherTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MailTestKit kit;
    private MailboxWatcher watcher;

    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        kit.close();
    }

    private MailboxWatcher watcher(String password) {
        return watcher(kit.mailbox(), password);
    }

    private MailboxWatcher watcher(RebondConfig.Mailbox mailbox, String password) {
        watcher = new MailboxWatcher(kit.connector(mailbox, password), kit.cursors, kit.history, kit.intake, Duration.ofMinutes(9),
                new SqlMailboxState(kit.db, MailTestKit.CLOCK), kit.validityChanges);
        return watcher;
    }

    private long lastUid() {
        return kit.cursors.get("INBOX").map(Cursor::lastUid).orElse(0L);
    }

    @Test
    void startedTheWatcherReadsTheMailboxNoticesNewMailAndSaysHowItStands() throws Exception {
        kit.deliverFromStrangers(2);
        MailboxWatcher started = watcher(MailTestKit.PASSWORD);
        AtomicLong noticed = new AtomicLong();
        started.whenNewMailNoticed(noticed::set);

        started.start();
        await().atMost(BOUND).until(() -> started.firstPass().isDone());
        assertThat(lastUid()).isEqualTo(2);

        kit.deliverFromStrangers(1);
        await().atMost(BOUND).until(() -> lastUid() == 3);
        assertThat(noticed.get()).isPositive();
        assertThat(started.connections()).isEqualTo(1);
        assertThat(started.lastProblem()).isEmpty();
        assertThat(new SqlMailboxState(kit.db, MailTestKit.CLOCK).get(MailboxWatcher.accountOf(kit.mailbox())))
                .get().extracting(MailboxStatus.State::kind).isEqualTo(MailboxStatus.Kind.CONNECTED);
        assertThat(new SqlMailboxState(kit.db, MailTestKit.CLOCK).get(MailboxWatcher.accountOf(kit.mailbox())))
                .as("the last contact status shows").get().extracting(MailboxStatus.State::lastContact).isNotNull();
    }

    @Test
    void closingEndsTheWatcherAtOnceBetweenTwoPolls() {
        MailboxWatcher started = watcher(kit.mailbox(false, Duration.ofMinutes(5), Duration.ofSeconds(10)), MailTestKit.PASSWORD);
        started.start();
        await().atMost(BOUND).until(() -> started.firstPass().isDone());

        long closing = System.nanoTime();
        started.close();

        assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("not the five minutes until the next poll").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedLoginIsTheLastProblemAndNoConnectionIsCounted() {
        MailboxWatcher started = watcher("not-the-password");

        started.start();

        await().atMost(BOUND).until(() -> started.lastProblem().contains("refused the login"));
        assertThat(started.connections()).isZero();
        assertThat(started.firstPass()).isNotDone();
    }

    @Test
    void aFolderPausedForItsUidValidityIsReadAgainWhenTheWatcherStarts() throws Exception {
        kit.deliverFromStrangers(1);
        kit.validityChanges.pause("INBOX", MailboxWatcher.UIDVALIDITY_CHANGES_BEFORE_PAUSE, 1, 2);
        MailboxWatcher started = watcher(MailTestKit.PASSWORD);

        started.start();

        assertThat(kit.validityChanges.pauseOf("INBOX")).isEmpty();
        await().atMost(BOUND).until(() -> started.firstPass().isDone());
        assertThat(lastUid()).isEqualTo(1);
    }

    @Test
    void thePublicConstantsAreTheCursorKeepers() {
        assertThat(MailboxWatcher.UIDVALIDITY_CHANGES_BEFORE_PAUSE).isEqualTo(3);
        assertThat(MailboxWatcher.UIDVALIDITY_CHANGE_WINDOW).isEqualTo(Duration.ofHours(24));
        assertThat(MailboxWatcher.accountOf(kit.mailbox())).isEqualTo("camille@127.0.0.1:" + kit.greenMail.getImap().getPort());
    }
}
