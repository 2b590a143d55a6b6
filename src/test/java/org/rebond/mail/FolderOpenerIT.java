package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import java.nio.file.Path;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;

/**
 * Opening folders on a server with CONDSTORE and QRESYNC (a real Dovecot): the folder reports its
 * HIGHESTMODSEQ at the opening; with a cursor holding a UIDVALIDITY and a HIGHESTMODSEQ it is
 * opened with QRESYNC, and the changes the server reports since then count towards the window
 * after which a folder kept open is reopened.
 */
class FolderOpenerIT {


    @TempDir
    Path dir;

    private DovecotInbox server;

    private final RecordingScanObserver observer = new RecordingScanObserver();
    private FolderOpener opener;

    @BeforeEach
    void start() {
        server = new DovecotInbox(dir);
        opener = new FolderOpener(server.cursors, 1, observer);
        server.deliver("opener", 1);
        server.deliver("opener", 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** INBOX on a new connection whose capabilities the opener took, not yet open. */
    private IMAPFolder inbox() throws Exception {
        IMAPStore store = server.connect();
        opener.useCapabilitiesOf(store);
        return (IMAPFolder) store.getFolder("INBOX");
    }

    @Test
    void onAServerWithCondstoreAFolderReportsItsHighestModseqAtItsOpening() throws Exception {
        IMAPFolder inbox = inbox();

        opener.open(inbox);

        assertThat(opener.condstore()).isTrue();
        assertThat(opener.qresync()).isTrue();
        assertThat(inbox.getMode()).isEqualTo(Folder.READ_ONLY);
        FolderOpener.AtOpen atOpen = opener.takeAtOpen("INBOX");
        assertThat(atOpen.modseq()).isPositive();
        assertThat(atOpen.messages()).isEqualTo(2);
        assertThat(atOpen.uidNext()).isEqualTo(3);
    }

    @Test
    void withACursorTheFolderIsOpenedWithQresyncAndTheChangesReportedSinceCountTowardsTheWindow() throws Exception {
        IMAPFolder first = inbox();
        opener.open(first);
        server.cursors.save(new Cursor("INBOX", first.getUIDValidity(), 2, opener.takeAtOpen("INBOX").modseq()));
        first.close(false);
        IMAPFolder writable = (IMAPFolder) server.connect().getFolder("INBOX");
        writable.open(Folder.READ_WRITE);
        writable.getMessageByUID(1).setFlag(Flags.Flag.FLAGGED, true);
        writable.close(false);

        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.reopenIfFull(inbox);

        assertThat(observer.reopened).as("one change reported, over a window of one").containsExactly("INBOX");
    }

    @Test
    void withACursorAndNoChangeSinceNothingCountsTowardsTheWindow() throws Exception {
        IMAPFolder first = inbox();
        opener.open(first);
        server.cursors.save(new Cursor("INBOX", first.getUIDValidity(), 2, opener.takeAtOpen("INBOX").modseq()));
        first.close(false);

        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.reopenIfFull(inbox);

        assertThat(observer.reopened).isEmpty();
        assertThat(inbox.isOpen()).isTrue();
    }
}
