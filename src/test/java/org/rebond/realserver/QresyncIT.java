package org.rebond.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catching up with QRESYNC on a real Dovecot (which has CONDSTORE and QRESYNC): the folders are
 * opened with the cursor's UIDVALIDITY and HIGHESTMODSEQ, and a folder whose HIGHESTMODSEQ did not
 * move since it was last read to the end is not searched. What rebond sends is read from a TCP
 * proxy between it and the server.
 */
class QresyncIT {

    @TempDir
    Path dir;
    private RebondOnDovecot r;
    private TcpProxy proxy;

    @BeforeEach
    void startDovecot() throws Exception {
        DovecotServer.assumeAvailable();
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot")), dir);
        proxy = new TcpProxy(r.dovecot.port());
        r.writeConfig(proxy.port(), null);
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (r != null) {
            r.close();
        }
    }

    @Test
    void aReconnectWithNothingNewResynchronisesEachFolderWithQresyncAndSearchesNoneWhileNewMailIsStillRead() throws Exception {
        Instant start = r.clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        r.deliver("Sent", r.plain("<sent-1@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "Hello", "Happy to talk."));
        r.start();
        await("both folders read to the end, with their HIGHESTMODSEQ").atMost(RebondOnDovecot.BOUND).until(() ->
                r.sql("SELECT COUNT(*) FROM folder_cursor WHERE last_uid = 1 AND highest_modseq > 0") == 2);
        long inboxModseq = r.sql("SELECT highest_modseq FROM folder_cursor WHERE folder = 'INBOX'");
        long inboxValidity = r.sql("SELECT uidvalidity FROM folder_cursor WHERE folder = 'INBOX'");
        assertThat(proxy.sentByClients()).as("a first read searches").contains("UID SEARCH");

        proxy.cutAll();
        proxy.forgetSent();

        // Once INBOX and Sent are caught up, rebond waits in IDLE on INBOX.
        await("caught up after the reconnect").atMost(RebondOnDovecot.BOUND).until(() -> proxy.sentByClients().contains(" IDLE"));
        String afterReconnect = proxy.sentByClients();
        assertThat(afterReconnect).contains("ENABLE QRESYNC")
                .contains("EXAMINE INBOX (QRESYNC (" + inboxValidity + " " + inboxModseq + "))")
                .containsPattern("EXAMINE \"?Sent\"? \\(QRESYNC \\(\\d+ \\d+\\)\\)")
                .doesNotContain("UID SEARCH");

        r.deliver("Sent", r.plain("<sent-2@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "Again", "One more thing."));
        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));

        await("new mail read in both folders").atMost(RebondOnDovecot.BOUND).until(() ->
                r.sql("SELECT COUNT(*) FROM message WHERE folder = 'Sent'") == 2 && r.app.store().all().size() == 2);
        assertThat(proxy.sentByClients()).contains("UID SEARCH UID 2:*");
    }
}
