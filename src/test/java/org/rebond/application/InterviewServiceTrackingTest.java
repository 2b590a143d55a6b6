package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.USER;
import static org.rebond.domain.TestEvents.invitation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.rebond.application.InterviewService.Outcome;
import org.rebond.domain.Action;
import org.rebond.domain.EventTime;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;
import org.rebond.schedule.QuartzTables;
import org.rebond.store.SqlOutbox;

/**
 * Issue 4: events seen but not taken, tracked or ignored by the user; the updates of the prep event
 * when an interview whose brief went out moves or is cancelled; recurrence instances; the same
 * invitation seen twice.
 */
class InterviewServiceTrackingTest extends InterviewServiceFixture {

    private Outbox.Entry deliverBrief(Interview interview) {
        SqlOutbox outbox = new SqlOutbox(db);
        Outbox.Entry brief = outbox.begin(interview.id(), Action.BRIEF, OutgoingMessage.Destination.INBOX, "t-" + interview.id(),
                "<rebond.t-" + interview.id() + "@x>", NOW);
        outbox.markDone(brief.id(), 12, NOW);
        return brief;
    }

    @Test
    void anEventNotTakenIsRememberedWithItsReasonAndTheContactTheDetectorWouldChoose() {
        Outcome outcome = service.onCalendarEvent(invitation().summary("Weekly sync").start(START).build(), CONTACT, "<sync@acme.example>");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_AN_INTERVIEW);
        assertThat(store.recentlySeen(NOW, 10)).singleElement().satisfies(seen -> {
            assertThat(seen.uid()).isEqualTo("iv-1@acme.example");
            assertThat(seen.reason()).isEqualTo("no information-interview wording");
            assertThat(seen.contact()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
            assertThat(seen.start()).isEqualTo(START);
            assertThat(seen.attendees()).extracting(a -> a.email()).containsExactly(USER);
            assertThat(seen.sourceMessageId()).isEqualTo("<sync@acme.example>");
        });
        assertThat(outcome.detail()).contains("e" + store.recentlySeen(NOW, 10).get(0).id());
    }

    @Test
    void trackingASeenEventMakesItAScheduledInterviewTrackedByYouWithItsWholePlan() {
        service.onCalendarEvent(invitation().summary("Coffee with Claire").start(START).build(), CONTACT, "<coffee@acme.example>");
        SeenEvent seen = store.recentlySeen(NOW, 10).get(0);

        Outcome tracked = service.track(seen.id());

        assertThat(tracked.kind()).isEqualTo(Outcome.Kind.CREATED);
        Interview interview = tracked.interview();
        assertThat(interview.state()).isEqualTo(Interview.State.SCHEDULED);
        assertThat(interview.reason()).isEqualTo("tracked by you");
        assertThat(interview.contact()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(interview.sourceMessageId()).isEqualTo("<coffee@acme.example>");
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
        assertThat(store.recentlySeen(NOW, 10)).as("no longer listed as seen, not taken").isEmpty();
        assertThat(service.track(seen.id()).kind()).as("tracking twice changes nothing").isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void aSeenEventYouIgnoredIsNeverDetectedAgainEvenWhenItsUpdateLooksLikeAnInterview() {
        service.onCalendarEvent(invitation().summary("Catch-up").start(START).build(), CONTACT, "");
        SeenEvent seen = store.recentlySeen(NOW, 10).get(0);

        assertThat(service.ignoreSeen(seen.id()).kind()).isEqualTo(Outcome.Kind.IGNORED);
        Outcome update = service.onCalendarEvent(invitation().sequence(1).summary("Information interview with Claire").start(START).build(), CONTACT, "");

        assertThat(update.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.all()).isEmpty();
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void ignoringAnInterviewRemovesItsTriggersAndItsLaterUpdatesStayIgnored() {
        Interview interview = created();

        Outcome ignored = service.ignore(interview);
        Outcome update = service.onCalendarEvent(invitation().sequence(1).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");

        assertThat(ignored.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(update.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().start()).isEqualTo(START);
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
        Interview later = service.onCalendarEvent(invitation().uid("later").start(START.plus(Duration.ofDays(3))).build(), CONTACT, "").interview();
        assertThat(ordinal(later, START.plus(Duration.ofDays(4)))).as("an ignored interview leaves the user's sequence").isEqualTo(1);

        Outcome back = service.track(store.byId(interview.id()).orElseThrow());
        assertThat(back.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(back.interview().reason()).isEqualTo("tracked by you");
        assertThat(QuartzTables.pendingTriggers(db)).as("the plans of both interviews").isEqualTo(2 * FULL_PLAN);
    }

    @Test
    void aMovedInterviewWhoseBriefWasDeliveredGetsOneUpdateOfThePrepEventNumberedByItsNewSequence() throws Exception {
        Interview interview = created();
        deliverBrief(interview);

        service.onCalendarEvent(invitation().sequence(2).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");
        service.onCalendarEvent(invitation().sequence(2).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");

        assertThat(store.prepUpdates(interview.id())).extracting(InterviewStore.PrepUpdate::prepSequence).containsExactly(2);
        assertThat(store.prepUpdates(interview.id()).get(0).previousStart()).isEqualTo(START);
        assertThat(onlyTrigger(interview.id(), Action.briefUpdate(2)).getStartTime().toInstant()).isEqualTo(NOW);
        service.replanAll();
        assertThat(QuartzTables.pendingTriggers(db)).as("re-planning keeps one trigger for the update").isEqualTo(FULL_PLAN);
    }

    @Test
    void aMoveWithoutANewSequenceStillRaisesThePrepEventsSequence() {
        Interview interview = created();
        deliverBrief(interview);

        service.onCalendarEvent(invitation().dtstamp(NOW.plusSeconds(60)).start(START.plus(Duration.ofHours(2))).build(), CONTACT, "");
        service.onCalendarEvent(invitation().dtstamp(NOW.plusSeconds(120)).start(START.plus(Duration.ofHours(3))).build(), CONTACT, "");

        assertThat(store.prepUpdates(interview.id())).extracting(InterviewStore.PrepUpdate::prepSequence).containsExactly(1, 2);
    }

    @Test
    void aMovedInterviewWhoseBriefWasNotDeliveredGetsNoUpdate() {
        Interview interview = created();

        service.onCalendarEvent(invitation().sequence(1).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");

        assertThat(store.prepUpdates(interview.id())).isEmpty();
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aCancelledInterviewWhoseBriefWasDeliveredGetsOnlyTheCancellationOfItsPrepEvent() throws Exception {
        Interview interview = created();
        deliverBrief(interview);

        service.onCalendarEvent(invitation().method("CANCEL").sequence(1).start(START).build(), CONTACT, "");

        assertThat(store.prepUpdates(interview.id())).extracting(InterviewStore.PrepUpdate::prepSequence).containsExactly(1);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(1);
        assertThat(onlyTrigger(interview.id(), Action.briefUpdate(1))).isNotNull();
    }

    @Test
    void aCancelWithARecurrenceIdCancelsOnlyThatInstance() {
        Interview series = created();
        EventTime secondWeek = EventTime.utc(START.plus(Duration.ofDays(7)));
        Outcome override = service.onCalendarEvent(invitation().recurrenceId(secondWeek).sequence(1).summary("Moved room")
                .start(START.plus(Duration.ofDays(7)).plus(Duration.ofHours(1))).build(), CONTACT, "");
        assertThat(override.kind()).as("an override of a followed series is its own interview").isEqualTo(Outcome.Kind.CREATED);
        assertThat(override.interview().recurrenceId()).isEqualTo(secondWeek.display());
        assertThat(override.interview().reason()).isEqualTo(series.reason());

        Outcome cancelInstance = service.onCalendarEvent(invitation().method("CANCEL").recurrenceId(secondWeek).sequence(2)
                .start(START.plus(Duration.ofDays(7))).build(), CONTACT, "");
        Outcome cancelOther = service.onCalendarEvent(invitation().method("CANCEL").recurrenceId(EventTime.utc(START.plus(Duration.ofDays(14))))
                .sequence(2).start(START.plus(Duration.ofDays(14))).build(), CONTACT, "");

        assertThat(cancelInstance.kind()).isEqualTo(Outcome.Kind.CANCELLED);
        assertThat(cancelInstance.interview().id()).isEqualTo(override.interview().id());
        assertThat(cancelOther.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(series.id()).orElseThrow().state()).as("the series stays").isEqualTo(Interview.State.SCHEDULED);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aCancelOfTheInstanceTheSeriesStartsWithMatchedByInstantCancelsTheFollowedOccurrence() {
        Interview series = created();
        // The same instant written in Paris time (B21).
        EventTime inParis = EventTime.zoned(START, LocalDateTime.of(2025, 3, 10, 10, 0), "Europe/Paris", ZoneId.of("Europe/Paris"));

        Outcome cancel = service.onCalendarEvent(invitation().method("CANCEL").recurrenceId(inParis).sequence(1).start(START).build(), CONTACT, "");

        assertThat(cancel.kind()).isEqualTo(Outcome.Kind.CANCELLED);
        assertThat(store.byId(series.id()).orElseThrow().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void theSameInvitationSeenInTwoFoldersOrTwiceCountsOnce() {
        Interview interview = created();

        Outcome sentCopy = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<forwarded-copy@example.net>");
        Outcome again = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<invite-1@acme.example>");
        service.onCalendarEvent(invitation().uid("not-info@acme.example").summary("Standup").start(START).build(), CONTACT, "");
        service.onCalendarEvent(invitation().uid("not-info@acme.example").summary("Standup").start(START).build(), CONTACT, "");

        assertThat(sentCopy.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(store.all()).containsExactly(interview);
        assertThat(store.recentlySeen(NOW, 10)).hasSize(1);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }
}
