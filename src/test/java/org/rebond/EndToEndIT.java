package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.ActionRunner;
import org.rebond.application.Outbox;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.Milestone;

/**
 * The whole story over real IMAP (GreenMail), with the real store and templates. Time is stepped
 * with a clock the test moves, never slept: after each step the daemon re-plans, as it does after a
 * wall-clock jump, and the tests' own driver ({@link ManualActionScheduler}) fires what is due on
 * the test's thread, so what did not fire is known at once. Quartz's own firing is proven by
 * {@code RestartIT} and {@code QuartzActionSchedulerTest}.
 */
class EndToEndIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    private void seedHistoryAndInvite(Instant start) throws Exception {
                Instant now = daemon.clock.instant();
        daemon.mailbox.deliver(daemon.mailbox.plain("<intro@example.net>", "Paul Intro <" + TestMailbox.REFERRER + ">", TestMailbox.USER, TestMailbox.CONTACT,
                "Introduction: Camille / Jeanne", "Camille, meet Jeanne, who runs product at Acme Health.", now.minus(Duration.ofDays(5))));
        daemon.mailbox.deliver(daemon.mailbox.plain("<jeanne-1@acme-health.example>", "Jeanne Roe <" + TestMailbox.CONTACT + ">", TestMailbox.USER, null,
                "Re: Introduction: Camille / Jeanne", "Happy to talk about clinical workflows and interoperability.\n\n--\nJeanne Roe\n"
                        + "Product Manager, Acme Health\n+33 1 23 45 67 89\n", now.minus(Duration.ofDays(4))));
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 0, "REQUEST", now, start, start.plus(Duration.ofMinutes(30)),
                "Information interview Camille / Jeanne"));
    }

    /** A daemon on the manual driver, the history with Jeanne seeded, and her invitation taken as an interview. */
    private record Story(App app, Instant start, Interview interview) {}

    /**
     * Starts the daemon, seeds the history and an invitation three days ahead at 10:00 in Paris (a daytime interview,
     * whose thank-you the human hours leave at two hours after the end), and waits for the interview.
     */
    private Story storyThreeDaysAhead() throws Exception {
        App app = daemon.startWithManualScheduler();
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        seedHistoryAndInvite(start);
        return new Story(app, start, daemon.awaitOneInterview());
    }

    /** The actions delivered by one run of what was due, in the order they ran. */
    private static List<Action> delivered(List<ManualActionScheduler.Fired> fired) {
        return fired.stream().filter(f -> f.result().kind() == ActionRunner.Result.Kind.DELIVERED).map(ManualActionScheduler.Fired::action).toList();
    }

    @Test
    void anInvitationLeadsToABriefAPromptAThankYouAndTwoUpdatesEachExactlyOnce() throws Exception {
        Story story = storyThreeDaysAhead();
        App app = story.app();
        Instant start = story.start();
        Interview interview = story.interview();
        assertThat(interview.contact().email()).isEqualTo(TestMailbox.CONTACT);
        assertThat(interview.referrer().email()).isEqualTo(TestMailbox.REFERRER);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).as("nothing is due three days ahead").isEmpty();

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.BRIEF);
        List<TestMailbox.Seen> inbox = daemon.mailbox.rebondMessages("INBOX");
        assertThat(inbox).hasSize(1);
        TestMailbox.Seen brief = inbox.get(0);
        assertThat(brief.subject()).contains("Jeanne Roe").contains("1st");
        assertThat(brief.text()).contains("twenty minutes").contains("Paul Intro").contains("Product Manager, Acme Health")
                .contains("Paul Intro wrote").doesNotContain("you wrote: \"Introduction");
        String text = brief.text();
        String keywords = text.substring(text.indexOf("THEIR VOCABULARY"), text.indexOf("WHAT YOU ALREADY KNOW"));
        assertThat(keywords).as("one line of Jeanne's is too little to tell her vocabulary from noise (M3)")
                .contains("Jeanne has written too little for rebond to pick out their vocabulary");
        assertThat(brief.calendar()).contains("METHOD:PUBLISH").contains("RELATED-TO:iv-1@acme-health.example").contains("ATTACH;FMTTYPE=text/html");
        assertThat(brief.draft()).isFalse();

        daemon.stepTo(start.plus(Duration.ofMinutes(30)).plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.DEBRIEF_PROMPT);
        Outbox.Entry prompt = app.outbox().find(interview.id(), Action.DEBRIEF_PROMPT).orElseThrow();
        var reply = daemon.mailbox.plain("<notes-1@example.org>", TestMailbox.USER, TestMailbox.USER, null, "Re: notes",
                "Points discussed:\n- Interoperability with hospital systems is the hard part\nLeads:\n- The FHIR community meetup\n"
                        + "Names:\n- Lou Kim <lou.kim@medi.example> — may contact, may mention\n", daemon.clock.instant());
        reply.setHeader("In-Reply-To", prompt.messageId());
        daemon.mailbox.deliver(reply);
        await().atMost(BOUND).until(() -> app.store().notes(interview.id()).isPresent());

        daemon.stepTo(start.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.THANK_YOU);
        List<TestMailbox.Seen> drafts = daemon.mailbox.rebondMessages("Drafts");
        assertThat(drafts).hasSize(1);
        TestMailbox.Seen thanks = drafts.get(0);
        assertThat(thanks.draft()).isTrue();
        assertThat(thanks.from()).contains(TestMailbox.USER);
        assertThat(thanks.to()).contains(TestMailbox.CONTACT);
        assertThat(thanks.inReplyTo()).isEqualTo("<invite-iv-1@acme-health.example-0@acme-health.example>");
        assertThat(thanks.text()).contains("You explained that interoperability with hospital systems is the hard part").contains("FHIR").contains("Lou Kim");

        app.news().add(new Milestone(0, start.plus(Duration.ofDays(10)), "Joined the FHIR community meetup", ""));
        daemon.stepTo(start.plus(Duration.ofDays(21)).plus(Duration.ofHours(1)));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.keepPosted(1));
        assertThat(daemon.mailbox.rebondMessages("Drafts").get(1).text()).contains("joined the FHIR community meetup.");
        app.news().add(new Milestone(0, start.plus(Duration.ofDays(60)), "I presented my health data project at the meetup", ""));
        // The second update counts from the first (three months after it), not from the interview.
        daemon.stepTo(start.plus(Duration.ofDays(90)).plus(Duration.ofHours(1)));
        assertThat(delivered(daemon.runDue())).isEmpty();
        daemon.stepTo(start.plus(Duration.ofDays(21 + 90)).plus(Duration.ofHours(2)));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.keepPosted(2));
        assertThat(daemon.mailbox.rebondMessages("Drafts").get(2).text()).contains("I presented my health data project at the meetup.")
                .doesNotContain("FHIR community meetup");

        assertThat(daemon.mailbox.rebondMessages("INBOX")).hasSize(2);
        assertThat(daemon.mailbox.rebondMessages("Drafts")).hasSize(3).allMatch(TestMailbox.Seen::draft);
        assertThat(daemon.mailbox.folder("INBOX").stream().filter(s -> !s.byRebond()))
                .as("the user's own messages are never marked read (I3)").noneMatch(TestMailbox.Seen::seen);
    }

    @Test
    void aCancelledInterviewGetsNoBriefAndNoDraft() throws Exception {
        Story story = storyThreeDaysAhead();
        App app = story.app();
        Instant start = story.start();
        Interview interview = story.interview();
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 1, "CANCEL", daemon.clock.instant().plusSeconds(5), start,
                start.plus(Duration.ofMinutes(30)), "Information interview Camille / Jeanne"));
        await().atMost(BOUND).until(() -> app.store().byId(interview.id()).orElseThrow().state() == Interview.State.CANCELLED);

        daemon.stepTo(start.plus(Duration.ofDays(100)));
        assertThat(daemon.runDue()).as("nothing left to fire").isEmpty();
        assertThat(app.store().all()).singleElement().extracting(Interview::state).isEqualTo(Interview.State.CANCELLED);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).isEmpty();
        assertThat(daemon.mailbox.rebondMessages("Drafts")).isEmpty();
    }

    @Test
    void aMovedInterviewGetsItsBriefAtTheNewTime() throws Exception {
        Story story = storyThreeDaysAhead();
        App app = story.app();
        Instant start = story.start();
        Interview interview = story.interview();
        Instant later = start.plus(Duration.ofDays(2));
        daemon.mailbox.deliver(daemon.mailbox.invitation("iv-1@acme-health.example", 1, "REQUEST", daemon.clock.instant().plusSeconds(5), later,
                later.plus(Duration.ofMinutes(30)), "Information interview Camille / Jeanne"));
        await().atMost(BOUND).until(() -> app.store().byId(interview.id()).orElseThrow().start().equals(later));

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(daemon.runDue()).as("the old brief time no longer counts").isEmpty();
        assertThat(app.outbox().find(interview.id(), Action.BRIEF)).isEmpty();
        daemon.stepTo(later.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(delivered(daemon.runDue())).containsExactly(Action.BRIEF);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).hasSize(1);
    }

    @Test
    void aDebriefReplyWrittenAsFormatFlowedIsReadWithItsLongLinesWhole() throws Exception {
        Story story = storyThreeDaysAhead();
        App app = story.app();
        Instant start = story.start();
        Interview interview = story.interview();
        daemon.stepTo(start.plus(Duration.ofMinutes(30)).plusSeconds(1));
        daemon.runDue();
        Outbox.Entry prompt = app.outbox().find(interview.id(), Action.DEBRIEF_PROMPT).orElseThrow();

        // As Thunderbird writes it: a long bullet soft-broken at 72 columns (a space before each line end).
        var reply = daemon.mailbox.plain("<notes-flowed@example.org>", TestMailbox.USER, TestMailbox.USER, null, "Re: notes",
                "Points discussed:\r\n- The product team spends most of its week on HL7 and FHIR mappings with \r\n"
                        + "the hospitals' record systems\r\n- Discovery starts with nurses\r\n", daemon.clock.instant());
        reply.setContent(reply.getContent(), "text/plain; charset=UTF-8; format=flowed");
        reply.setHeader("In-Reply-To", prompt.messageId());
        reply.saveChanges();
        reply.setHeader("Message-ID", "<notes-flowed@example.org>");
        daemon.mailbox.deliver(reply);
        await().atMost(BOUND).until(() -> app.store().notes(interview.id()).isPresent());

        assertThat(app.store().notes(interview.id()).orElseThrow().points()).containsExactly(
                "The product team spends most of its week on HL7 and FHIR mappings with the hospitals' record systems",
                "Discovery starts with nurses");
    }

    @Test
    void aPersonNamedInADebriefWhoLaterInvitesTheUserIsFollowedWithoutTheUsualWordsAndTheGiverAsReferrer() throws Exception {
        Story story = storyThreeDaysAhead();
        App app = story.app();
        Interview jeanne = story.interview();
        daemon.stepTo(story.start().plus(Duration.ofMinutes(30)).plusSeconds(1));
        daemon.runDue();
        Outbox.Entry prompt = app.outbox().find(jeanne.id(), Action.DEBRIEF_PROMPT).orElseThrow();
        var notes = daemon.mailbox.plain("<notes-names@example.org>", TestMailbox.USER, TestMailbox.USER, null, "Re: notes",
                "Points discussed:\n- Interoperability is the hard part\nNames:\n- Lou Kim <lou.kim@medi.example> — may contact, may mention\n",
                daemon.clock.instant());
        notes.setHeader("In-Reply-To", prompt.messageId());
        daemon.mailbox.deliver(notes);
        await().atMost(BOUND).until(() -> app.store().notes(jeanne.id()).isPresent());

        // A week later, two invitations whose titles say nothing of an information interview: one from Lou, one from a stranger.
        Instant louStart = Daytime.tenInParis(story.start().plus(Duration.ofDays(7)));
        daemon.mailbox.deliver(daemon.mailbox.invitationFrom("Max Stranger", "max@elsewhere.example", "iv-max@elsewhere.example",
                daemon.clock.instant(), louStart.plus(Duration.ofHours(3)), louStart.plus(Duration.ofHours(4)), "Catch-up Camille / Max"));
        daemon.mailbox.deliver(daemon.mailbox.invitationFrom("Lou Kim", "lou.kim@medi.example", "iv-lou@medi.example",
                daemon.clock.instant(), louStart, louStart.plus(Duration.ofMinutes(30)), "Catch-up Camille / Lou"));
        await().atMost(BOUND).until(() -> app.store().all().size() == 2 && app.store().findSeen("iv-max@elsewhere.example", "").isPresent());

        Interview lou = app.store().find("iv-lou@medi.example", "").orElseThrow();
        assertThat(lou.reason()).isEqualTo("contact suggested in an earlier debrief");
        assertThat(lou.referrer()).isEqualTo(new Interview.Person(TestMailbox.CONTACT, "Jeanne Roe"));
        assertThat(app.store().find("iv-max@elsewhere.example", "")).as("a stranger with the same title is not followed").isEmpty();

        daemon.stepTo(louStart.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(delivered(daemon.runDue().stream().filter(f -> f.interviewId() == lou.id()).toList())).containsExactly(Action.BRIEF);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).filteredOn(m -> m.subject().contains("Lou Kim")).singleElement()
                .satisfies(brief -> assertThat(brief.text()).contains("Jeanne Roe suggested you contact Lou when you met on"));
    }
}
