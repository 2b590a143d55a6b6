package org.rebond.realserver;

import org.rebond.Daytime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.App;
import org.rebond.application.Outbox;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;

/** Folders found on a real Dovecot (SPECIAL-USE, French names, no Drafts, an archive) and an APPEND refused over quota (B41–B43). */
class FoldersAndAppendIT {

    @TempDir
    Path dir;
    private RebondOnDovecot r;

    @BeforeEach
    void needsDovecot() {
        DovecotServer.assumeAvailable();
    }

    @AfterEach
    void stop() {
        if (r != null) {
            r.close();
        }
    }

    private void start(DovecotServer.Options options, String mailboxExtra) throws Exception {
        r = new RebondOnDovecot(DovecotServer.start(dir.resolve("dovecot"), options), dir);
        r.writeConfig(mailboxExtra);
    }

    private Interview invitedInThreeDays() throws Exception {
        Instant start = Daytime.tenInParis(r.clock.instant().plus(Duration.ofDays(3)));
        r.deliver("INBOX", r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne"));
        return r.awaitInterviews(1);
    }

    private void stepToThankYou(Interview i) {
        // Two hours after the end by day, the next morning for an interview ending late: what the running daemon's plan says.
        r.stepTo(new Planner(App.policyOf(r.app.config())).thankYouDue(i).at().plusSeconds(1));
    }

    @Test
    void specialUseFoldersAreFoundAndTheCursorKeepsTheHighestModseq() throws Exception {
        start(DovecotServer.Options.defaults(), null);
        String[] doctor = r.cli("doctor");
        assertThat(doctor[1]).contains("IDLE UIDPLUS CONDSTORE QRESYNC SPECIAL-USE MOVE")
                .contains("drafts folder Drafts (SPECIAL-USE \\Drafts)").contains("sent folder Sent (SPECIAL-USE \\Sent)");
        assertThat(doctor[0]).isEqualTo("0");
        r.start();
        Interview i = invitedInThreeDays();
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT highest_modseq FROM folder_cursor WHERE folder = 'INBOX'") > 0);
        stepToThankYou(i);
        r.awaitDone(i.id(), Action.THANK_YOU);
        assertThat(r.rebondMessages("Drafts")).singleElement().matches(RebondOnDovecot.Seen::draft);
        assertThat(r.folder("INBOX")).as("the user's mail is never marked read").noneMatch(RebondOnDovecot.Seen::seen);
    }

    @Test
    void frenchFolderNamesWithoutSpecialUseAreFoundByName() throws Exception {
        start(DovecotServer.Options.defaults().withoutSpecialUse().withLocalizedNames(), null);
        assertThat(r.cli("doctor")[1]).contains("drafts folder Brouillons (well-known name)").contains("sent folder Envoyés (well-known name)");
        r.deliver("Envoyés", r.plain("<mine-1@example.org>", RebondOnDovecot.USER, RebondOnDovecot.CONTACT, "Merci", "À bientôt"));
        r.start();
        Interview i = invitedInThreeDays();
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE folder = 'Envoyés'") == 1);
        stepToThankYou(i);
        r.awaitDone(i.id(), Action.THANK_YOU);
        assertThat(r.rebondMessages("Brouillons")).hasSize(1);
        assertThat(r.folderExists("Drafts")).isFalse();
    }

    @Test
    void anArchiveHoldingAllMailIsFollowedWithoutCountingAMessageTwice() throws Exception {
        start(DovecotServer.Options.defaults().withArchive(), null);
        r.start();
        Instant start = Daytime.tenInParis(r.clock.instant().plus(Duration.ofDays(3)));
        var invite = r.invitation("iv-1@acme-health.example", 0, start, "Information interview Camille / Jeanne");
        r.deliver("Archive", r.plain("<filed-1@acme-health.example>", RebondOnDovecot.CONTACT, RebondOnDovecot.USER, "Filed", "Only in the archive"));
        r.deliver("Archive", invite);
        r.deliver("INBOX", invite);
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.sql("SELECT COUNT(*) FROM message WHERE folder = 'Archive'") == 2
                && r.sql("SELECT COUNT(*) FROM message WHERE folder = 'INBOX'") == 1);
        assertThat(r.app.store().all()).hasSize(1);
        assertThat(r.sql("SELECT COUNT(DISTINCT message_id) FROM message")).isEqualTo(2);
        assertThat(r.logLines()).anyMatch(l -> l.startsWith("following [INBOX, Sent, Archive]"));
    }

    @Test
    void withoutADraftsFolderTheDraftStaysPendingDoctorSaysSoAndNothingIsCreatedUntilAllowed() throws Exception {
        start(DovecotServer.Options.defaults().withoutDrafts(), null);
        String[] doctor = r.cli("doctor");
        assertThat(doctor[1]).contains("FAIL no drafts folder found");
        assertThat(doctor[0]).isEqualTo("78");
        r.start();
        Interview i = invitedInThreeDays();
        stepToThankYou(i);
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.app.outbox().find(i.id(), Action.THANK_YOU)
                .map(e -> e.attempts() >= 1 && e.lastError() != null && e.lastError().contains("no Drafts folder found")).orElse(false));
        assertThat(r.app.outbox().find(i.id(), Action.THANK_YOU).orElseThrow().state()).isEqualTo(Outbox.State.APPENDING);
        assertThat(r.folderExists("Drafts")).isFalse();

        r.app.close();
        r.writeConfig("create_drafts: true");
        r.start();
        r.stepTo(r.clock.instant().plus(Duration.ofHours(1)));
        r.awaitDone(i.id(), Action.THANK_YOU);
        assertThat(r.rebondMessages("Drafts")).hasSize(1);
    }

    @Test
    void anAppendRefusedOverQuotaStaysPendingAndIsDeliveredOnceTheQuotaIsRaised() throws Exception {
        start(DovecotServer.Options.defaults(), null);
        r.start();
        Interview i = invitedInThreeDays();
        r.dovecot.setQuota(r.dovecot.user(), "2k");
        r.stepTo(i.start().minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(RebondOnDovecot.BOUND).until(() -> r.app.outbox().find(i.id(), Action.BRIEF)
                .map(e -> e.attempts() >= 1 && e.lastError() != null).orElse(false));
        Outbox.Entry refused = r.app.outbox().find(i.id(), Action.BRIEF).orElseThrow();
        assertThat(refused.state()).isEqualTo(Outbox.State.APPENDING);
        assertThat(refused.lastError()).containsIgnoringCase("quota");
        assertThat(r.rebondMessages("INBOX")).isEmpty();

        r.dovecot.setQuota(r.dovecot.user(), "10M");
        // Dovecot applies the new quota a moment later, and each refusal backs off further: time
        // moves on while the test waits, as it would for the user.
        await().atMost(RebondOnDovecot.BOUND).pollInterval(Duration.ofSeconds(1)).until(() -> {
            r.stepTo(r.clock.instant().plus(Duration.ofMinutes(10)));
            return r.app.outbox().find(i.id(), Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false);
        });
        assertThat(r.rebondMessages("INBOX")).hasSize(1);
    }

    @Test
    void withoutUidplusTheAppendedBriefsUidIsFoundByItsToken() throws Exception {
        start(DovecotServer.Options.defaults().withCapability(
                "IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE NAMESPACE CHILDREN LIST-EXTENDED SPECIAL-USE CONDSTORE QRESYNC MOVE"), null);
        assertThat(r.cli("doctor")[1]).contains("(missing: UIDPLUS)");
        r.start();
        Interview i = invitedInThreeDays();
        r.stepTo(i.start().minus(Duration.ofHours(24)).plusSeconds(1));
        r.awaitDone(i.id(), Action.BRIEF);
        assertThat(r.sql("SELECT MAX(uid) FROM outbox")).as("the UID, found by the token search").isEqualTo(2);
        assertThat(r.rebondMessages("INBOX")).hasSize(1);
    }
}
