package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlUidValidityChanges;

/**
 * The HIGHESTMODSEQ that says that nothing is new (a real Dovecot, with CONDSTORE): the folder's,
 * just after its opening, equal to the cursor's means no read at all (no UID SEARCH); a new
 * message raises it; one reported at an earlier opening is not trusted.
 */
class FolderCursorKeeperIT {


    @TempDir
    Path dir;

    private DovecotInbox server;

    private FolderOpener opener;
    private FolderCursorKeeper keeper;

    @BeforeEach
    void start() {
        server = new DovecotInbox(dir);
        opener = new FolderOpener(server.cursors, MailboxWatcher.WINDOW, MailboxWatcher.ScanObserver.NONE);
        keeper = new FolderCursorKeeper(server.cursors, new SqlMessageHistory(server.db, Set.of(server.dovecot.user())),
                new SqlUidValidityChanges(server.db, DovecotInbox.CLOCK), new ImapBatchReader(MessageIntake.HEADERS), opener);
        server.deliver("keeper", 1);
        server.deliver("keeper", 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** INBOX on a new connection, opened as the watcher opens it. */
    private IMAPFolder inbox() throws Exception {
        IMAPStore store = server.connect();
        opener.useCapabilitiesOf(store);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        opener.open(inbox);
        return inbox;
    }

    /** Reads INBOX's start as a first read does, and saves the cursor a complete read leaves. */
    private Cursor readToTheEnd() throws Exception {
        IMAPFolder inbox = inbox();
        FolderCursorKeeper.Start start = keeper.startOf(inbox);
        assertThat(start.modseq()).as("CONDSTORE").isPositive();
        Cursor after = start.after(2, true);
        keeper.save(after);
        inbox.close(false);
        return after;
    }

    @Test
    void aHighestModseqJustAfterTheOpeningEqualToTheCursorsMeansNothingIsNewAndTheFolderIsNotRead() throws Exception {
        readToTheEnd();

        assertThat(keeper.startOf(inbox())).isNull();
    }

    @Test
    void aNewMessageRaisesTheHighestModseqAndTheFolderIsReadAfterItsCursor() throws Exception {
        Cursor cursor = readToTheEnd();
        server.deliver("keeper", 3);

        FolderCursorKeeper.Start start = keeper.startOf(inbox());

        assertThat(start.cursor()).isEqualTo(cursor);
        assertThat(start.modseq()).isGreaterThan(cursor.highestModseq());
    }

    @Test
    void aHighestModseqReportedAtAnEarlierOpeningIsNotTrusted() throws Exception {
        readToTheEnd();
        IMAPFolder inbox = inbox();
        assertThat(keeper.startOf(inbox)).isNull();

        assertThat(keeper.startOf(inbox)).as("INBOX kept open: Angus does not follow its HIGHESTMODSEQ").isNotNull();
    }
}
