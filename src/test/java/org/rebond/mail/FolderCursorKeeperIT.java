package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlUidValidityChanges;

/**
 * The HIGHESTMODSEQ that says that nothing is new (a real Dovecot, with CONDSTORE): the folder's,
 * just after its opening, equal to the cursor's means no read at all (no UID SEARCH); a new
 * message raises it; one reported at an earlier opening is not trusted.
 */
class FolderCursorKeeperIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-07T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private DovecotServer dovecot;
    private Database db;
    private SqlFolderCursors cursors;
    private ImapConnector connector;
    private FolderOpener opener;
    private FolderCursorKeeper keeper;
    private final List<IMAPStore> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        DovecotServer.assumeAvailable();
        dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null));
        db = Database.open(dir.resolve("rebond.db"));
        cursors = new SqlFolderCursors(db, CLOCK);
        connector = new ImapConnector(new RebondConfig.Mailbox(dovecot.host(), dovecot.port(), RebondConfig.Security.NONE, true,
                dovecot.user(), null, false, null, "INBOX", null, null, "none", false, true, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(10)), dovecot::password);
        opener = new FolderOpener(cursors, MailboxWatcher.WINDOW, MailboxWatcher.ScanObserver.NONE);
        keeper = new FolderCursorKeeper(cursors, new SqlMessageHistory(db, Set.of(dovecot.user())), new SqlUidValidityChanges(db, CLOCK),
                new ImapBatchReader(MessageIntake.HEADERS), opener);
        deliver(1);
        deliver(2);
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

    private void deliver(int i) {
        dovecot.deliver(dovecot.user(), "INBOX", ("From: a" + i + "@example.org\r\nTo: " + dovecot.user() + "\r\nSubject: message " + i
                + "\r\nMessage-ID: <keeper-" + i + "@example.org>\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** INBOX on a new connection, opened as the watcher opens it. */
    private IMAPFolder inbox() throws Exception {
        IMAPStore store = (IMAPStore) connector.connect();
        connections.add(store);
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
        deliver(3);

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
