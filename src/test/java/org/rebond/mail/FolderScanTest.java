package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;

/**
 * The batched read of one folder after its cursor (GreenMail): batches of a window at most, each
 * taken whole before the cursor passes it; quarantined messages never fetched; a read that stops
 * or fails leaves the cursor after the last batch taken.
 */
class FolderScanTest {

    private static final int WINDOW = 3;

    @TempDir
    Path dir;

    private MailTestKit kit;
    private IntakeLane lane;
    private FolderOpener opener;
    private final RecordingScanObserver observer = new RecordingScanObserver();


    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
        lane = new IntakeLane();
        opener = new FolderOpener(kit.cursors, WINDOW, observer);
    }

    @AfterEach
    void stop() throws Exception {
        lane.close();
        kit.close();
    }

    private FolderScan scan(BooleanSupplier running) {
        FolderCursorKeeper keeper = new FolderCursorKeeper(kit.cursors, kit.history, kit.validityChanges, kit.reader, opener);
        return new FolderScan(kit.reader, kit.intake, keeper, opener, new UnreadableMessages(kit.reader, kit.intake, () -> ""),
                new TextBackfill(kit.reader, kit.intake, kit.history, opener), lane, observer, WINDOW, MessageIntake.OWN_TEXTS, running);
    }

    private FolderScan scan() {
        return scan(() -> true);
    }

    private IMAPFolder inbox() throws Exception {
        IMAPStore store = (IMAPStore) kit.connect();
        opener.useCapabilitiesOf(store);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        opener.open(inbox);
        return inbox;
    }

    private long lastUid() {
        return kit.cursors.get("INBOX").map(Cursor::lastUid).orElse(0L);
    }

    @Test
    void aFolderIsReadInBatchesOfTheWindowEachTakenBeforeTheCallReturnsAndTheCursorEndsAtItsLastMessage() throws Exception {
        kit.deliverFromStrangers(7);
        IMAPFolder inbox = inbox();

        scan().sync(inbox);

        assertThat(observer.batches).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
        assertThat(kit.cursors.get("INBOX")).contains(new Cursor("INBOX", kit.uidValidity("INBOX"), 7, 0));
        assertThat(kit.count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(7);
        assertThat(observer.synced.get("INBOX")).hasValue(1);
        opener.reopenIfFull(inbox);
        assertThat(observer.reopened).as("seven messages read since the opening, over a window of three").containsExactly("INBOX");
    }

    @Test
    void aSecondReadStartsAfterTheCursor() throws Exception {
        kit.deliverFromStrangers(4);
        IMAPFolder inbox = inbox();
        FolderScan scan = scan();
        scan.readAfterCursor(inbox);
        kit.deliverFromStrangers(2);
        observer.batches.clear();

        scan.readAfterCursor(inbox);

        assertThat(observer.batches).containsExactly(List.of(5L, 6L));
        assertThat(lastUid()).isEqualTo(6);
    }

    @Test
    void aReadWithNothingAfterTheCursorTakesNoBatch() throws Exception {
        kit.deliverFromStrangers(2);
        IMAPFolder inbox = inbox();
        FolderScan scan = scan();
        scan.readAfterCursor(inbox);
        observer.batches.clear();

        scan.readAfterCursor(inbox);

        assertThat(observer.batches).isEmpty();
        assertThat(lastUid()).isEqualTo(2);
    }

    @Test
    void aQuarantinedMessageIsNeverFetchedAndTheCursorPassesIt() throws Exception {
        kit.deliverFromStrangers(4);
        kit.intake.quarantine("INBOX", kit.uidValidity("INBOX"), 2, "unreadable (test)");

        scan().readAfterCursor(inbox());

        assertThat(observer.batches).containsExactly(List.of(1L, 3L, 4L));
        assertThat(lastUid()).isEqualTo(4);
    }

    @Test
    void aReadStopsAfterTheBatchItIsInOnceTheWatcherStops() throws Exception {
        kit.deliverFromStrangers(7);
        AtomicInteger asked = new AtomicInteger();

        scan(() -> asked.incrementAndGet() <= 1).readAfterCursor(inbox());

        assertThat(observer.batches).containsExactly(List.of(1L, 2L, 3L));
        assertThat(lastUid()).isEqualTo(3);
    }

    @Test
    void aBatchTheIntakeFailsToTakeEndsTheReadAndTheCursorStaysAfterTheLastBatchTakenWhole() throws Exception {
        kit.deliverFromStrangers(7);
        observer.failingBatch = 2; // fails after its cursor was kept

        assertThatThrownBy(() -> scan().readAfterCursor(inbox())).hasMessage("the intake failed on this batch (test)");

        assertThat(observer.batches).as("the third batch is never taken").hasSize(2);
        assertThat(lastUid()).isEqualTo(6);
    }

    @Test
    void theUidsAfterOneAreListedInAscendingOrderWithoutAMessageObjectEach() throws Exception {
        kit.deliverFromStrangers(5);
        IMAPFolder inbox = inbox();

        assertThat(FolderScan.uidsAfter(inbox, 0)).containsExactly(1, 2, 3, 4, 5);
        assertThat(FolderScan.uidsAfter(inbox, 3)).containsExactly(4, 5);
        assertThat(FolderScan.uidsAfter(inbox, 5)).as("UID SEARCH n:* names the last message even when n is past it").isEmpty();
    }
}
