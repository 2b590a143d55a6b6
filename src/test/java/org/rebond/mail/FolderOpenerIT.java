package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.FolderCursors.Cursor;
import org.rebond.config.RebondConfig;
import org.rebond.realserver.DovecotServer;
import org.rebond.store.Database;
import org.rebond.store.SqlFolderCursors;

/**
 * Opening folders on a server with CONDSTORE and QRESYNC (a real Dovecot): the folder reports its
 * HIGHESTMODSEQ at the opening; with a cursor holding a UIDVALIDITY and a HIGHESTMODSEQ it is
 * opened with QRESYNC, and the changes the server reports since then count towards the window
 * after which a folder kept open is reopened.
 */
class FolderOpenerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-07T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private DovecotServer dovecot;
    private Database db;
    private SqlFolderCursors cursors;
    private ImapConnector connector;
    private final List<IMAPStore> connections = new CopyOnWriteArrayList<>();
    private final List<String> reopened = new CopyOnWriteArrayList<>();
    private FolderOpener opener;

    @BeforeEach
    void start() {
        DovecotServer.assumeAvailable();
        dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null));
        db = Database.open(dir.resolve("rebond.db"));
        cursors = new SqlFolderCursors(db, CLOCK);
        connector = new ImapConnector(new RebondConfig.Mailbox(dovecot.host(), dovecot.port(), RebondConfig.Security.NONE, true,
                dovecot.user(), null, false, null, "INBOX", null, null, "none", false, true, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(10)), dovecot::password);
        opener = new FolderOpener(cursors, 1, new MailboxWatcher.ScanObserver() {
            @Override
            public void batchRead(String folder, List<ScannedMessage> messages) { }

            @Override
            public void reopened(String folder) {
                reopened.add(folder);
            }
        });
        for (int i = 1; i <= 2; i++) {
            dovecot.deliver(dovecot.user(), "INBOX", ("From: a" + i + "@example.org\r\nTo: " + dovecot.user() + "\r\nSubject: message " + i
                    + "\r\nMessage-ID: <opener-" + i + "@example.org>\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (IMAPStore store : connections) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    /** INBOX on a new connection whose capabilities the opener took, not yet open. */
    private IMAPFolder inbox() throws Exception {
        IMAPStore store = (IMAPStore) connector.connect();
        connections.add(store);
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
        cursors.save(new Cursor("INBOX", first.getUIDValidity(), 2, opener.takeAtOpen("INBOX").modseq()));
        first.close(false);
        IMAPFolder writable = (IMAPFolder) connector.connect().getFolder("INBOX");
        connections.add((IMAPStore) writable.getStore());
        writable.open(Folder.READ_WRITE);
        writable.getMessageByUID(1).setFlag(Flags.Flag.FLAGGED, true);
        writable.close(false);

        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.reopenIfFull(inbox);

        assertThat(reopened).as("one change reported, over a window of one").containsExactly("INBOX");
    }

    @Test
    void withACursorAndNoChangeSinceNothingCountsTowardsTheWindow() throws Exception {
        IMAPFolder first = inbox();
        opener.open(first);
        cursors.save(new Cursor("INBOX", first.getUIDValidity(), 2, opener.takeAtOpen("INBOX").modseq()));
        first.close(false);

        IMAPFolder inbox = inbox();
        opener.open(inbox);
        opener.reopenIfFull(inbox);

        assertThat(reopened).isEmpty();
        assertThat(inbox.isOpen()).isTrue();
    }
}
