package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.application.MessageHistory;

/**
 * Where a folder's read starts (GreenMail, the cursors and the history on a database): after the
 * cursor while nothing changed; from the start after a UIDVALIDITY change (B39) or when UIDs are
 * reused without one (B40); not at all once a folder's UIDVALIDITY changed too often, until the
 * watcher starts again. The HIGHESTMODSEQ that says that nothing is new: {@link FolderCursorKeeperIT}.
 */
class FolderCursorKeeperTest {

    @TempDir
    Path dir;

    private MailTestKit kit;
    private FolderOpener opener;
    private FolderCursorKeeper keeper;

    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
        opener = new FolderOpener(kit.cursors, MailboxWatcher.WINDOW, MailboxWatcher.ScanObserver.NONE);
        keeper = new FolderCursorKeeper(kit.cursors, kit.history, kit.validityChanges, kit.reader, opener);
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    /** INBOX opened as the watcher opens it. */
    private IMAPFolder inbox() throws Exception {
        IMAPStore store = (IMAPStore) kit.connect();
        opener.useCapabilitiesOf(store);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        opener.open(inbox);
        return inbox;
    }

    private long uidValidity() throws Exception {
        return kit.uidValidity("INBOX");
    }

    /** Keeps a message of INBOX in the history, as if it had been read. */
    private void seen(long uidValidity, long uid, String messageId) {
        kit.history.recordAll(List.of(new MessageHistory.SeenMessage("INBOX", uidValidity, uid, messageId, "", List.of(),
                MailTestKit.CLOCK.instant(), MailTestKit.STRANGER, "Nina Stranger", List.of(MailTestKit.USER), "Digest", "", "")));
    }

    @Test
    void aFirstReadStartsAtTheBeginningUnderTheFoldersUidValidity() throws Exception {
        kit.deliverFromStrangers(2);

        FolderCursorKeeper.Start start = keeper.startOf(inbox());

        assertThat(start.cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 0, 0));
        assertThat(start.uidValidity()).isEqualTo(uidValidity());
        assertThat(start.modseq()).as("no CONDSTORE").isZero();
        assertThat(kit.cursors.get("INBOX")).as("nothing saved before a batch is taken").isEmpty();
    }

    @Test
    void whenNothingChangedTheReadStartsAfterTheCursor() throws Exception {
        kit.deliverFromStrangers(3);
        kit.cursors.save(new Cursor("INBOX", uidValidity(), 2, 0));

        assertThat(keeper.startOf(inbox()).cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 2, 0));
    }

    @Test
    void aNewUidValidityForgetsTheFoldersHistoryAndSavesACursorAtItsBeginningAtOnce() throws Exception {
        kit.deliverFromStrangers(2);
        long before = uidValidity() - 7;
        kit.cursors.save(new Cursor("INBOX", before, 2, 0));
        seen(before, 2, "<old@kit.example>");

        FolderCursorKeeper.Start start = keeper.startOf(inbox());

        assertThat(start.cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 0, 0));
        assertThat(kit.cursors.get("INBOX")).as("at once: a drop during the re-read must not count the change twice")
                .contains(new Cursor("INBOX", uidValidity(), 0, 0));
        assertThat(kit.count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isZero();
        assertThat(kit.validityChanges.pauseOf("INBOX")).isEmpty();
    }

    @Test
    void aFolderWhoseUidValidityChangesAThirdTimeWithinTheWindowIsPausedAndNotReadUntilTheWatcherStartsAgain() throws Exception {
        kit.deliverFromStrangers(1);
        long now = uidValidity();
        kit.validityChanges.record("INBOX", now - 3, now - 2, FolderCursorKeeper.UIDVALIDITY_CHANGE_WINDOW);
        kit.validityChanges.record("INBOX", now - 2, now - 1, FolderCursorKeeper.UIDVALIDITY_CHANGE_WINDOW);
        kit.cursors.save(new Cursor("INBOX", now - 1, 1, 0));

        assertThat(keeper.startOf(inbox())).isNull();
        assertThat(kit.validityChanges.pauseOf("INBOX")).get().satisfies(p -> {
            assertThat(p.changes()).isEqualTo(FolderCursorKeeper.UIDVALIDITY_CHANGES_BEFORE_PAUSE);
            assertThat(p.from()).isEqualTo(now - 1);
            assertThat(p.to()).isEqualTo(now);
        });
        assertThat(keeper.startOf(inbox())).as("paused: not read").isNull();

        keeper.resumePaused();

        assertThat(kit.validityChanges.pauseOf("INBOX")).isEmpty();
        assertThat(keeper.startOf(inbox()).cursor()).as("the change is counted afresh and the folder read from its start")
                .isEqualTo(new Cursor("INBOX", now, 0, 0));
    }

    @Test
    void aUidNextAtOrBelowTheCursorMeansTheUidsAreReusedAndTheFolderIsReadAgainFromItsStart() throws Exception {
        kit.deliverFromStrangers(2); // UIDNEXT 3
        kit.cursors.save(new Cursor("INBOX", uidValidity(), 3, 0));
        seen(uidValidity(), 3, "<gone@kit.example>");

        FolderCursorKeeper.Start start = keeper.startOf(inbox());

        assertThat(start.cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 0, 0));
        assertThat(kit.count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isZero();
    }

    @Test
    void theLastMessageReadNowCarryingAnotherMessageIdMeansTheUidsAreReused() throws Exception {
        kit.deliverFromStrangers(3);
        kit.cursors.save(new Cursor("INBOX", uidValidity(), 2, 0));
        seen(uidValidity(), 2, "<another@kit.example>");

        assertThat(keeper.startOf(inbox()).cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 0, 0));
    }

    @Test
    void theLastMessageReadWithTheSameMessageIdReadsOnAfterIt() throws Exception {
        kit.deliverFromStrangers(3); // Message-IDs <m1@kit.example> to <m3@kit.example>
        kit.cursors.save(new Cursor("INBOX", uidValidity(), 2, 0));
        seen(uidValidity(), 2, "<m2@kit.example>");

        assertThat(keeper.startOf(inbox()).cursor()).isEqualTo(new Cursor("INBOX", uidValidity(), 2, 0));
        assertThat(kit.count("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(1);
    }

    @Test
    void whenNothingIsFoundAfterTheCursorOnlyANewHighestModseqIsSaved() {
        Cursor cursor = new Cursor("INBOX", 42, 7, 100);

        keeper.nothingAfter(new FolderCursorKeeper.Start("INBOX", cursor, 42, 100));
        assertThat(kit.cursors.get("INBOX")).as("nothing new to keep").isEmpty();

        keeper.nothingAfter(new FolderCursorKeeper.Start("INBOX", cursor, 42, 120));
        assertThat(kit.cursors.get("INBOX")).contains(new Cursor("INBOX", 42, 7, 120));
    }

    @Test
    void theCursorABatchLeavesCarriesTheNewHighestModseqOnlyOnceTheFolderWasReadToItsEnd() {
        FolderCursorKeeper.Start start = new FolderCursorKeeper.Start("INBOX", new Cursor("INBOX", 42, 7, 100), 42, 120);

        assertThat(start.after(1_007, false)).isEqualTo(new Cursor("INBOX", 42, 1_007, 100));
        assertThat(start.after(1_500, true)).isEqualTo(new Cursor("INBOX", 42, 1_500, 120));
    }
}
