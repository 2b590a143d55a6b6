package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.interview.Action;
import org.rebond.interview.CrashPoints;
import org.rebond.interview.Interview;
import org.rebond.interview.Outbox;
import org.rebond.mail.MessageIntake;

/**
 * The whole story over real IMAP (GreenMail), with the real store, Quartz and templates. Time is
 * stepped with a clock the test moves, never slept: after each step the daemon re-plans, as it
 * does after a wall-clock jump, and Quartz fires what is due.
 */
class EndToEndIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestMailbox mailbox;
    private SteppedClock clock;
    private App app;

    @BeforeEach
    void startMailbox() {
        mailbox = new TestMailbox(true);
        clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mailbox.close();
    }

    private App start(CrashPoints crashPoints) throws Exception {
        var config = new ConfigLoader().load(mailbox.writeConfig(dir, null));
        App.Options options = new App.Options(clock, Clock.systemUTC(), crashPoints, (id, action, result) -> { },
                MessageIntake.IntakeListener.NONE, Duration.ofMinutes(1));
        return App.start(config, options);
    }

    private void seedHistoryAndInvite(Instant start) throws Exception {
        Instant now = clock.instant();
        mailbox.deliver(mailbox.plain("<intro@example.net>", "Paul Intro <" + TestMailbox.REFERRER + ">", TestMailbox.USER, TestMailbox.CONTACT,
                "Introduction: Camille / Jeanne", "Camille, meet Jeanne, who runs product at Acme Health.", now.minus(Duration.ofDays(5))));
        mailbox.deliver(mailbox.plain("<jeanne-1@acme-health.example>", "Jeanne Roe <" + TestMailbox.CONTACT + ">", TestMailbox.USER, null,
                "Re: Introduction: Camille / Jeanne", "Happy to talk about clinical workflows and interoperability.\n\n--\nJeanne Roe\n"
                        + "Product Manager, Acme Health\n+33 1 23 45 67 89\n", now.minus(Duration.ofDays(4))));
        mailbox.deliver(mailbox.invitation("iv-1@acme-health.example", 0, "REQUEST", now, start, start.plus(Duration.ofMinutes(30)),
                "Information interview Camille / Jeanne"));
    }

    private void stepTo(Instant instant) {
        clock.set(instant);
        app.clockChanged();
    }

    private Interview awaitInterview() {
        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        return app.store().all().get(0);
    }

    private void awaitDone(long id, Action action) {
        await().atMost(BOUND).until(() -> app.outbox().find(id, action).map(e -> e.state() == Outbox.State.DONE).orElse(false));
    }

    @Test
    void anInvitationLeadsToABriefAPromptAThankYouAndTwoUpdatesEachExactlyOnce() throws Exception {
        app = start(CrashPoints.NONE);
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        seedHistoryAndInvite(start);
        Interview interview = awaitInterview();
        assertThat(interview.contact().email()).isEqualTo(TestMailbox.CONTACT);
        assertThat(interview.referrer().email()).isEqualTo(TestMailbox.REFERRER);
        assertThat(mailbox.rebondMessages("INBOX")).as("nothing is due three days ahead").isEmpty();

        stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        awaitDone(interview.id(), Action.BRIEF);
        List<TestMailbox.Seen> inbox = mailbox.rebondMessages("INBOX");
        assertThat(inbox).hasSize(1);
        TestMailbox.Seen brief = inbox.get(0);
        assertThat(brief.subject()).contains("Jeanne Roe").contains("1st");
        assertThat(brief.text()).contains("twenty minutes").contains("Paul Intro").contains("Product Manager, Acme Health")
                .contains("Paul Intro wrote").doesNotContain("you wrote: \"Introduction");
        String keywords = brief.text().lines().filter(l -> l.startsWith("Words that stand out")).findFirst().orElseThrow();
        assertThat(keywords).as("the contact's vocabulary, not names or invitation words (M3)")
                .contains("interoperability").doesNotContain("jeanne").doesNotContain("invitation");
        assertThat(brief.calendar()).contains("METHOD:PUBLISH").contains("RELATED-TO:iv-1@acme-health.example").contains("ATTACH;FMTTYPE=text/html");
        assertThat(brief.draft()).isFalse();

        stepTo(start.plus(Duration.ofMinutes(30)).plusSeconds(1));
        awaitDone(interview.id(), Action.DEBRIEF_PROMPT);
        Outbox.Entry prompt = app.outbox().find(interview.id(), Action.DEBRIEF_PROMPT).orElseThrow();
        var reply = mailbox.plain("<notes-1@example.org>", TestMailbox.USER, TestMailbox.USER, null, "Re: notes",
                "Points discussed:\n- Interoperability with hospital systems is the hard part\nLeads:\n- The FHIR community meetup\n"
                        + "Names:\n- Lou Kim <lou.kim@medi.example> — may contact, may mention\n", clock.instant());
        reply.setHeader("In-Reply-To", prompt.messageId());
        mailbox.deliver(reply);
        await().atMost(BOUND).until(() -> app.store().notes(interview.id()).isPresent());

        stepTo(start.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(2)).plusSeconds(1));
        awaitDone(interview.id(), Action.THANK_YOU);
        List<TestMailbox.Seen> drafts = mailbox.rebondMessages("Drafts");
        assertThat(drafts).hasSize(1);
        TestMailbox.Seen thanks = drafts.get(0);
        assertThat(thanks.draft()).isTrue();
        assertThat(thanks.from()).contains(TestMailbox.USER);
        assertThat(thanks.to()).contains(TestMailbox.CONTACT);
        assertThat(thanks.inReplyTo()).isEqualTo("<invite-iv-1@acme-health.example-0@acme-health.example>");
        assertThat(thanks.text()).contains("Interoperability with hospital systems is the hard part").contains("FHIR").contains("Lou Kim");

        stepTo(start.plus(Duration.ofDays(21)).plus(Duration.ofHours(1)));
        awaitDone(interview.id(), Action.keepPosted(1));
        stepTo(start.plus(Duration.ofDays(90)).plus(Duration.ofHours(1)));
        awaitDone(interview.id(), Action.keepPosted(2));

        assertThat(mailbox.rebondMessages("INBOX")).hasSize(2);
        assertThat(mailbox.rebondMessages("Drafts")).hasSize(3).allMatch(TestMailbox.Seen::draft);
        assertThat(mailbox.folder("INBOX").stream().filter(s -> s.token() == null))
                .as("the user's own messages are never marked read (I3)").noneMatch(TestMailbox.Seen::seen);
    }

    @Test
    void aCancelledInterviewGetsNoBriefAndNoDraft() throws Exception {
        app = start(CrashPoints.NONE);
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        seedHistoryAndInvite(start);
        Interview interview = awaitInterview();
        mailbox.deliver(mailbox.invitation("iv-1@acme-health.example", 1, "CANCEL", clock.instant().plusSeconds(5), start,
                start.plus(Duration.ofMinutes(30)), "Information interview Camille / Jeanne"));
        await().atMost(BOUND).until(() -> app.store().byId(interview.id()).orElseThrow().state() == Interview.State.CANCELLED);

        stepTo(start.plus(Duration.ofDays(100)));
        assertThat(app.store().all()).singleElement().extracting(Interview::state).isEqualTo(Interview.State.CANCELLED);
        assertThat(mailbox.rebondMessages("INBOX")).isEmpty();
        assertThat(mailbox.rebondMessages("Drafts")).isEmpty();
    }

    @Test
    void aMovedInterviewGetsItsBriefAtTheNewTime() throws Exception {
        app = start(CrashPoints.NONE);
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        seedHistoryAndInvite(start);
        Interview interview = awaitInterview();
        Instant later = start.plus(Duration.ofDays(2));
        mailbox.deliver(mailbox.invitation("iv-1@acme-health.example", 1, "REQUEST", clock.instant().plusSeconds(5), later,
                later.plus(Duration.ofMinutes(30)), "Information interview Camille / Jeanne"));
        await().atMost(BOUND).until(() -> app.store().byId(interview.id()).orElseThrow().start().equals(later));

        stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(app.outbox().find(interview.id(), Action.BRIEF)).as("the old brief time no longer counts").isEmpty();
        stepTo(later.minus(Duration.ofHours(24)).plusSeconds(1));
        awaitDone(interview.id(), Action.BRIEF);
        assertThat(mailbox.rebondMessages("INBOX")).hasSize(1);
    }
}
