package org.rebond.realserver;

import org.rebond.Daytime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.bench.RawImapClient;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.mail.MessageIntake;

/** Staying connected to a real Dovecot: restarts, cut and stalled connections, UIDVALIDITY changes, reused UIDs, QRESYNC (B37–B40, B51). */
class MailboxResilienceIT {

    @TempDir
    Path dir;
    private RebondOnDovecot r;
    private TcpProxy proxy;

    @BeforeEach
    void startDovecot() {
        DovecotServer.assumeAvailable();
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot")), dir);
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

    private Instant inThreeDays() {
        return Daytime.tenInParis(r.clock.instant().plus(Duration.ofDays(3)));
    }

    @Test
    void aServerRestartDuringIdleIsFollowedByACatchUpWithNoInvitationMissedAndNoneTwice() throws Exception {
        r.writeConfig(null);
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        Interview first = r.awaitInterviews(1);

        r.dovecot.restart();
        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.app.store().all().size() == 2);
        assertThat(r.warnings()).anyMatch(w -> w.contains("mailbox connection lost"));
        r.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        r.awaitDone(first.id(), Action.BRIEF);
        assertThat(r.app.store().all()).hasSize(2);
        assertThat(r.rebondMessages("INBOX")).as("one brief, for the first interview only").hasSize(1);
        assertThat(r.sql("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).isEqualTo(2);
    }

    @Test
    void aCutConnectionIsReopenedAndWhatArrivedMeanwhileIsRead() throws Exception {
        proxy = new TcpProxy(r.dovecot.port());
        r.writeConfig(proxy.port(), null);
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        r.awaitInterviews(1);

        proxy.cutAll();
        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.app.store().all().size() == 2);
        assertThat(proxy.accepted()).as("a new connection after the cut").isGreaterThanOrEqualTo(2);
        assertThat(r.sql("SELECT COUNT(*) FROM message")).isEqualTo(2);
    }

    @Test
    void aQuietIdleOutlivesTheReadTimeoutButAStalledConnectionIsAbandonedWhenItFires() throws Exception {
        proxy = new TcpProxy(r.dovecot.port());
        r.writeConfig(proxy.port(), "read_timeout: 2s");
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        r.awaitInterviews(1);
        int connections = proxy.accepted();

        await("a quiet mailbox keeps its one connection for more than twice the read timeout")
                .during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> proxy.accepted() == connections);

        proxy.stallAll();
        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));
        await().atMost(Duration.ofSeconds(20)).until(() -> r.app.store().all().size() == 2);
        assertThat(proxy.accepted()).isGreaterThan(connections);
        assertThat(r.warnings()).anyMatch(w -> w.contains("mailbox connection lost") && w.toLowerCase().contains("timed out"));
    }

    @Test
    void aNewUidValidityRereadsTheFolderSaysSoLoudlyAndActsOnNothingTwice() throws Exception {
        r.writeConfig(null);
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        Interview interview = r.awaitInterviews(1);
        r.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        r.awaitDone(interview.id(), Action.BRIEF);
        long before = r.dovecot.uidValidity(r.dovecot.user(), "INBOX");

        r.dovecot.changeUidValidity(r.dovecot.user(), "INBOX", before + 7);

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT uidvalidity FROM folder_cursor WHERE folder = 'INBOX'") == before + 7);
        assertThat(r.warnings()).anyMatch(w -> w.contains("UIDVALIDITY of INBOX changed (" + before + " -> " + (before + 7) + ")"));
        assertThat(r.app.store().all()).hasSize(1);
        assertThat(r.app.outbox().forInterview(interview.id())).hasSize(1);
        assertThat(r.rebondMessages("INBOX")).hasSize(1);
        assertThat(r.sql("SELECT COUNT(*) FROM message")).as("the history holds the invitation once, under the new UIDVALIDITY").isEqualTo(1);

        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.app.store().all().size() == 2);
    }

    @Test
    void aFolderWhoseUidValidityChangesAThirdTimeInADayIsNoLongerReadStatusAndDoctorSaySoSentFlowsOnAndARestartResumesIt()
            throws Exception {
        r.writeConfig(null);
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        r.awaitInterviews(1);
        String user = r.dovecot.user();
        long first = r.dovecot.uidValidity(user, "INBOX");

        for (long value = first + 1; value <= first + 2; value++) {
            r.dovecot.changeUidValidity(user, "INBOX", value);
            long expected = value;
            await("INBOX read again under UIDVALIDITY " + expected).atMost(RebondOnDovecot.BOUND).until(() ->
                    r.sql("SELECT uidvalidity FROM folder_cursor WHERE folder = 'INBOX'") == expected
                            && r.sql("SELECT COUNT(*) FROM message WHERE folder = 'INBOX' AND uidvalidity = ?", expected) == 1);
        }
        assertThat(r.warnings().stream().filter(w -> w.startsWith("UIDVALIDITY of INBOX changed ("))).hasSize(2);

        r.dovecot.changeUidValidity(user, "INBOX", first + 3);

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.warnings().stream().anyMatch(w -> w.contains("STOPPED READING INBOX")));
        assertThat(r.warnings()).anyMatch(w -> w.contains("(" + (first + 2) + " -> " + (first + 3) + "), 3 changes within 24 h")
                && w.contains("systemctl restart rebond"));
        String[] status = r.cli("status");
        assertThat(status[1]).contains("Folder INBOX: NO LONGER READ since").contains("3 times within 24 h")
                .contains((first + 2) + " → " + (first + 3)).contains("restart rebond");
        String[] doctor = r.cli("doctor");
        assertThat(doctor[0]).as(doctor[1]).isEqualTo("78");
        assertThat(doctor[1]).contains("FAIL Folder INBOX: NO LONGER READ");

        r.deliver("INBOX", r.invitation("iv-2@acme-health.example", 0, start.plus(Duration.ofDays(1)), "Information interview Camille / Paul"));
        r.deliver("Sent", r.plain("<sent-1@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "Thanks", "Thank you, Jeanne."));
        await("Sent still followed").atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE folder = 'Sent'") == 1);
        // A second message in Sent, read in a later round: that round read (or skipped) INBOX after the invitation arrived.
        r.deliver("Sent", r.plain("<sent-2@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "And", "One more thing."));
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE folder = 'Sent'") == 2);
        assertThat(r.app.store().all()).as("the invitation in the paused INBOX is not read").hasSize(1);
        assertThat(r.sql("SELECT uidvalidity FROM folder_cursor WHERE folder = 'INBOX'")).isEqualTo(first + 2);

        r.app.close();
        r.start();

        await("INBOX read again after the restart").atMost(RebondOnDovecot.BOUND).until(() -> r.app.store().all().size() == 2);
        assertThat(r.sql("SELECT uidvalidity FROM folder_cursor WHERE folder = 'INBOX'")).isEqualTo(first + 3);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("reading INBOX again: it was paused since"));
        assertThat(r.cli("status")[1]).doesNotContain("NO LONGER READ");
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'") == 2);
    }

    @Test
    void aMessageWhoseFetchMakesTheServerCloseTheConnectionIsQuarantinedAndTheFolderIsReadOnPastIt() throws Exception {
        r.writeConfig(null);
        r.deliver("INBOX", r.plain("<hello-1@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Hello", "Happy to talk."));
        r.deliver("INBOX", r.plain("<damaged@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Damaged", "Unreadable."));
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, inThreeDays(), "Information interview Camille / Jeanne"));
        r.dovecot.makeUnreadable(r.dovecot.user(), "INBOX", 2);

        r.start();

        r.awaitInterviews(1);
        awaitSecondMessageQuarantinedAndReadPast();
        assertThat(r.sql("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'")).as("the two others kept").isEqualTo(2);
        // Dovecot closes the connection at each FETCH of that message: it is never fetched again.
        assertLaterMailReadWithoutReconnecting();
    }

    @Test
    void aMessageWhosePartFetchMakesTheServerCloseTheConnectionIsQuarantinedAndTheFolderIsReadOnPastIt() throws Exception {
        r.writeConfig(null);
        r.deliver("INBOX", r.plain("<hello-1@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Hello", "Happy to talk."));
        r.deliver("INBOX", r.invitation("iv-damaged@acme-health.example", 0, inThreeDays(), "Information interview Camille / Jeanne"));
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, inThreeDays(), "Information interview Camille / Jeanne Roe"));
        // Another client read the descriptions first, so Dovecot answers them from its cache; then
        // the file of the second message becomes unreadable: its description still comes, its
        // calendar part makes Dovecot close the connection.
        try (RawImapClient other = new RawImapClient(r.dovecot.host(), r.dovecot.port())) {
            other.login(r.dovecot.user(), r.dovecot.password());
            other.select("INBOX", true);
            other.fetchScanItems(MessageIntake.HEADERS);
        }
        r.dovecot.makeUnreadable(r.dovecot.user(), "INBOX", 2);

        r.start();

        awaitSecondMessageQuarantinedAndReadPast();
        r.awaitInterviews(1);
        assertLaterMailReadWithoutReconnecting();
    }

    /** INBOX's UID 2 quarantined because the server closes the connection on it, and the cursor at UID 3, past it. */
    private void awaitSecondMessageQuarantinedAndReadPast() throws Exception {
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT last_uid FROM folder_cursor WHERE folder = 'INBOX'") == 3);
        assertThat(r.sql("SELECT COUNT(*) FROM quarantine WHERE item LIKE 'INBOX:%:2' AND reason LIKE '%closes the connection%'"))
                .as("the damaged message, quarantined with the reason").isEqualTo(1);
    }

    /** A fourth message is read on the same connection: the quarantined one is never fetched again. */
    private void assertLaterMailReadWithoutReconnecting() throws Exception {
        int connections = r.app.watcher().connections();
        r.deliver("INBOX", r.plain("<after@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "After", "Still there?"));
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT last_uid FROM folder_cursor WHERE folder = 'INBOX'") == 4);
        assertThat(r.app.watcher().connections()).as("no reconnection since it was quarantined").isEqualTo(connections);
    }

    @Test
    void aFolderNumberedAgainFromLowerUidsUnderTheSameUidValidityIsReadAgainAndItsNewMailIsNotMissed() throws Exception {
        r.writeConfig(null);
        for (int i = 1; i <= 3; i++) {
            r.deliver("Sent", r.plain("<sent-" + i + "@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "Note " + i, "Text " + i));
        }
        r.start();
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT last_uid FROM folder_cursor WHERE folder = 'Sent'") == 3);

        r.dovecot.recreateMailboxKeepingUidValidity(r.dovecot.user(), "Sent");
        r.deliver("Sent", r.plain("<sent-after@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "After", "Written after."));
        // A delivery to INBOX wakes the watcher, which reads Sent at each round.
        r.deliver("INBOX", r.plain("<wake@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Hi", "Hello."));

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE message_id = '<sent-after@example.org>'") == 1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("Sent: UIDNEXT is") && w.contains("but rebond has read up to UID 3 although UIDVALIDITY"))
                .as("INBOX, kept open, still has the UIDNEXT of its opening: it must not look renumbered")
                .noneMatch(w -> w.contains("INBOX: UIDNEXT"));
    }

    @Test
    void aKnownUidThatNowCarriesAnotherMessageIdLeadsToAFullRereadWithoutActingTwice() throws Exception {
        r.writeConfig(null);
        r.start();
        Instant start = inThreeDays();
        r.deliver("INBOX", r.plain("<hello-aaaa@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Hello", "Happy to talk."));
        // One at a time: Dovecot numbers the files of one maildir sync in name order, not in delivery order.
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT last_uid FROM folder_cursor WHERE folder = 'INBOX'") == 1);
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        r.awaitInterviews(1);
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT last_uid FROM folder_cursor WHERE folder = 'INBOX'") == 2);
        assertThat(r.sql("SELECT uid FROM message WHERE folder = 'INBOX' AND message_id LIKE '<invite-iv-1@%'")).as("the invitation is UID 2")
                .isEqualTo(2);

        r.dovecot.rewriteMessage(r.dovecot.user(), "INBOX", 2, bytes -> new String(bytes, StandardCharsets.ISO_8859_1)
                .replace("<invite-iv-1@acme-health.example-0@", "<invite-iv-9@acme-health.example-0@").getBytes(StandardCharsets.ISO_8859_1));
        // The check runs at each wake-up; the next delivery wakes the watcher (a rewrite alone does not).
        r.deliver("INBOX", r.plain("<later@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Later", "See you soon."));

        await().atMost(RebondOnDovecot.BOUND).until(() -> r.warnings().stream().anyMatch(w -> w.contains("now has another Message-ID")));
        await().atMost(RebondOnDovecot.BOUND).until(() ->
                r.sql("SELECT COUNT(*) FROM message WHERE message_id = '<invite-iv-9@acme-health.example-0@acme-health.example>'") == 1);
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message") == 3);
        assertThat(r.app.store().all()).as("the same calendar UID: still one interview").hasSize(1);
    }

    /**
     * Catching up with QRESYNC (this Dovecot has CONDSTORE and QRESYNC): the folders are opened with
     * the cursor's UIDVALIDITY and HIGHESTMODSEQ, and a folder whose HIGHESTMODSEQ did not move since
     * it was last read to the end is not searched. What rebond sends is read from the proxy.
     */
    @Test
    void aReconnectWithNothingNewResynchronisesEachFolderWithQresyncAndSearchesNoneWhileNewMailIsStillRead() throws Exception {
        proxy = new TcpProxy(r.dovecot.port());
        r.writeConfig(proxy.port(), null);
        Instant start = inThreeDays();
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
