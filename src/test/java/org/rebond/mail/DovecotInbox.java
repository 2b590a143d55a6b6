package org.rebond.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.config.RebondConfig;
import org.rebond.realserver.DovecotServer;
import org.rebond.store.Database;
import org.rebond.store.SqlFolderCursors;

/**
 * A real Dovecot (CONDSTORE, QRESYNC, which GreenMail lacks) with a database beside it, for the
 * tests of how folders are opened and where a read starts. Skips the test when Dovecot is missing.
 */
final class DovecotInbox implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-07T09:00:00Z"), ZoneOffset.UTC);

    final DovecotServer dovecot;
    final Database db;
    final SqlFolderCursors cursors;
    final ImapConnector connector;
    private final List<IMAPStore> connections = new CopyOnWriteArrayList<>();

    DovecotInbox(Path dir) {
        DovecotServer.assumeAvailable();
        dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null));
        db = Database.open(dir.resolve("rebond.db"));
        cursors = new SqlFolderCursors(db, CLOCK);
        connector = new ImapConnector(new RebondConfig.Mailbox(dovecot.host(), dovecot.port(), RebondConfig.Security.NONE, true,
                dovecot.user(), null, false, null, "INBOX", null, null, "none", false, true, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(10)), dovecot::password);
    }

    /** Delivers message {@code i} to INBOX, its Message-ID {@code <prefix-i@example.org>}. */
    void deliver(String prefix, int i) {
        dovecot.deliver(dovecot.user(), "INBOX", ("From: a" + i + "@example.org\r\nTo: " + dovecot.user() + "\r\nSubject: message " + i
                + "\r\nMessage-ID: <" + prefix + "-" + i + "@example.org>\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A new connection, closed with this inbox. */
    IMAPStore connect() {
        IMAPStore store = (IMAPStore) connector.connect();
        connections.add(store);
        return store;
    }

    @Override
    public void close() throws MessagingException {
        for (IMAPStore store : connections) {
            store.close();
        }
        db.close();
        dovecot.close();
    }
}
