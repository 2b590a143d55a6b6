package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebond.application.InterviewService.Outcome;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.schedule.QuartzTables;
import org.rebond.store.SqlOutbox;

/**
 * What an invitation does to the interviews followed: created with its plan, moved, updated,
 * cancelled, refused when stale, spoofed or not an information interview; the ordinal of an
 * interview; the plan rebuilt after a crash.
 */
class InterviewServiceTest extends InterviewServiceFixture {

    @Test
    void aRequestCreatesTheInterviewAndOneTriggerPerAction() throws Exception {
        Interview interview = created();

        assertThat(interview.id()).isPositive();
        assertThat(interview.contact()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(interview.start()).isEqualTo(START);
        assertThat(interview.end()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(interview.sourceMessageId()).isEqualTo("<invite-1@acme.example>");
        assertThat(store.find(interview.uid(), "")).contains(interview);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
        assertThat(onlyTrigger(interview.id(), Action.BRIEF).getStartTime().toInstant()).isEqualTo(START.minus(Duration.ofHours(24)));
    }

    @Test
    void theSameRequestTwiceIsADuplicateAndPlansNothingMore() {
        Interview interview = created();

        Outcome again = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<invite-1@acme.example>");

        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(store.all()).containsExactly(interview);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void anUpdateWithAnOlderSequenceIsStaleAndChangesNothing() {
        service.onCalendarEvent(invitation().sequence(2).start(START).build(), CONTACT, "");

        Outcome old = service.onCalendarEvent(invitation().sequence(1).dtstamp(NOW.plusSeconds(60)).start(START.plus(Duration.ofDays(1))).build(),
                CONTACT, "");

        assertThat(old.kind()).isEqualTo(Outcome.Kind.STALE);
        assertThat(store.all()).singleElement().satisfies(i -> {
            assertThat(i.start()).isEqualTo(START);
            assertThat(i.sequence()).isEqualTo(2);
        });
    }

    @Test
    void aMovedInterviewIsReplannedAtItsNewTime() throws Exception {
        Interview interview = created();
        Instant later = START.plus(Duration.ofDays(2));

        Outcome moved = service.onCalendarEvent(invitation().sequence(1).dtstamp(NOW.plusSeconds(60)).start(later).build(), CONTACT, "");

        assertThat(moved.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(store.byId(interview.id()).orElseThrow().start()).isEqualTo(later);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
        assertThat(onlyTrigger(interview.id(), Action.BRIEF).getStartTime().toInstant()).isEqualTo(later.minus(Duration.ofHours(24)));
        assertThat(onlyTrigger(interview.id(), Action.THANK_YOU).getStartTime().toInstant())
                .isEqualTo(later.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(2)));
    }

    @Test
    void aMovedInterviewDoesNotPlanAgainWhatWasAlreadyDelivered() throws Exception {
        Interview interview = created();
        SqlOutbox outbox = new SqlOutbox(db);
        Outbox.Entry brief = outbox.begin(interview.id(), Action.BRIEF, OutgoingMessage.Destination.INBOX, "t-1", "<rebond.t-1@x>", NOW);
        outbox.markDone(brief.id(), 12, NOW);

        service.onCalendarEvent(invitation().sequence(1).start(START.plus(Duration.ofDays(2))).build(), CONTACT, "");

        assertThat(QuartzTables.pendingTriggers(db)).as("no second brief, but one update of the prep event").isEqualTo(FULL_PLAN - 1 + 1);
        assertThat(onlyTrigger(interview.id(), Action.briefUpdate(1)).getStartTime().toInstant()).isEqualTo(NOW);
    }

    @Test
    void aMinorUpdateWithTheSameTimesKeepsTheTriggers() {
        Interview interview = created();

        Outcome minor = service.onCalendarEvent(invitation().dtstamp(NOW.plusSeconds(60)).start(START).summary("Information interview – new room").build(),
                CONTACT, "");

        assertThat(minor.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(minor.detail()).isEqualTo("details updated");
        assertThat(store.byId(interview.id()).orElseThrow().summary()).isEqualTo("Information interview – new room");
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aCancelFromTheOrganizerCancelsAndRemovesEveryPendingTrigger() {
        Interview interview = created();

        Outcome cancel = service.onCalendarEvent(invitation().method("CANCEL").sequence(1).status("CANCELLED").start(START).build(), CONTACT, "");

        assertThat(cancel.kind()).isEqualTo(Outcome.Kind.CANCELLED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.CANCELLED);
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void aNewerInvitationAfterACancellationReinstatesTheInterview() {
        Interview interview = created();
        service.onCalendarEvent(invitation().method("CANCEL").sequence(1).status("CANCELLED").start(START).build(), CONTACT, "");

        Outcome again = service.onCalendarEvent(invitation().sequence(2).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");

        assertThat(again.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.SCHEDULED);
        assertThat(QuartzTables.pendingTriggers(db)).isPositive();
    }

    @Test
    void anInvitationOlderThanTheCancellationDoesNotReinstateTheInterviewEvenWithALaterDtstamp() {
        // Found by RandomStoryIT (seed 20261206): the CANCEL's SEQUENCE was not kept, so a late
        // REQUEST with the first SEQUENCE and a later DTSTAMP read as newer and reinstated the interview.
        Interview interview = created();
        service.onCalendarEvent(invitation().method("CANCEL").sequence(1).status("CANCELLED").start(START).build(), CONTACT, "");

        Outcome stale = service.onCalendarEvent(invitation().sequence(0).dtstamp(NOW.plusSeconds(3600)).start(START.plus(Duration.ofDays(1))).build(),
                CONTACT, "");

        assertThat(stale.kind()).isEqualTo(Outcome.Kind.STALE);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.CANCELLED);
        assertThat(store.byId(interview.id()).orElseThrow().start()).isEqualTo(START);
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void aCancelWithALowerSequenceThanTheVersionKeptIsIgnored() {
        service.onCalendarEvent(invitation().sequence(3).start(START).build(), CONTACT, "");

        Outcome stale = service.onCalendarEvent(invitation().method("CANCEL").sequence(2).dtstamp(NOW.plusSeconds(3600)).start(START).build(), CONTACT, "");

        assertThat(stale.kind()).isEqualTo(Outcome.Kind.STALE);
        assertThat(store.all()).singleElement().extracting(Interview::state).isEqualTo(Interview.State.SCHEDULED);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aCancelNamingAnotherOrganizerIsIgnoredAndFlagged() {
        Interview interview = created();

        Outcome spoofed = service.onCalendarEvent(invitation().method("CANCEL").sequence(5).organizer("mallory@evil.example", "Claire Dubois")
                .start(START).build(), "mallory@evil.example", "");

        assertThat(spoofed.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.SCHEDULED);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
        assertThat(store.journalSince(0)).anySatisfy(line -> assertThat(line.event()).isEqualTo("flagged"));
    }

    @Test
    void aCancelThatClaimsTheOrganizerButComesFromSomeoneElseIsIgnored() {
        Interview interview = created();

        Outcome spoofed = service.onCalendarEvent(invitation().method("CANCEL").sequence(5).start(START).build(), "mallory@evil.example", "");

        assertThat(spoofed.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.SCHEDULED);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aCancelWithoutAnOrganizerFromSomeoneElseIsIgnored() {
        Interview interview = created();

        Outcome spoofed = service.onCalendarEvent(invitation().method("CANCEL").sequence(5).organizer("", "").start(START).build(),
                "mallory@evil.example", "");

        assertThat(spoofed.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.SCHEDULED);
    }

    @Test
    void aCancelFromACalendarSourceWithTheOrganizerIsApplied() {
        Interview interview = created();

        Outcome cancel = service.onCalendarEvent(invitation().method("CANCEL").sequence(1).start(START).build(), "", "");

        assertThat(cancel.kind()).isEqualTo(Outcome.Kind.CANCELLED);
        assertThat(store.byId(interview.id()).orElseThrow().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void aCancelForAnUnknownUidIsIgnored() {
        Outcome cancel = service.onCalendarEvent(invitation().uid("never-seen@acme.example").method("CANCEL").start(START).build(), CONTACT, "");

        assertThat(cancel.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.all()).isEmpty();
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void anUpdateFromAnotherOrganizerIsNotAppliedAndIsFlagged() {
        Interview interview = created();

        Outcome update = service.onCalendarEvent(invitation().sequence(4).organizer("mallory@evil.example", "M").start(START.plus(Duration.ofDays(1)))
                .build(), "mallory@evil.example", "");

        assertThat(update.kind()).isEqualTo(Outcome.Kind.IGNORED);
        assertThat(store.byId(interview.id()).orElseThrow().start()).isEqualTo(START);
        assertThat(store.journalSince(0)).anySatisfy(line -> assertThat(line.event()).isEqualTo("flagged"));
    }

    @Test
    void repliesAndCountersAreRecordedButNeverApplied() {
        Interview interview = created();

        Outcome reply = service.onCalendarEvent(invitation().method("REPLY").sequence(9).start(START.plus(Duration.ofDays(1))).build(), CONTACT, "");
        Outcome counter = service.onCalendarEvent(invitation().method("COUNTER").sequence(9).start(START.plus(Duration.ofDays(3))).build(), CONTACT, "");

        assertThat(reply.kind()).isEqualTo(Outcome.Kind.REPLY_RECORDED);
        assertThat(counter.kind()).isEqualTo(Outcome.Kind.REPLY_RECORDED);
        assertThat(store.all()).containsExactly(interview);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }

    @Test
    void aJobInterviewIsNotAnInformationInterview() {
        Outcome outcome = service.onCalendarEvent(invitation().summary("Job interview – Senior developer").start(START).build(), CONTACT, "");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_AN_INTERVIEW);
        assertThat(outcome.detail()).contains("M1");
        assertThat(store.all()).isEmpty();
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void anInvitationWithoutUidOrStartIsRejected() {
        assertThat(service.onCalendarEvent(invitation().uid("").start(START).build(), CONTACT, "").kind()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(service.onCalendarEvent(invitation().start(null).build(), CONTACT, "").kind()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void theOrdinalCountsOnlyInterviewsAlreadyHeldLeavingCancelledAndFutureOnesOut() {
        Interview third = service.onCalendarEvent(invitation().uid("c").start(START.plus(Duration.ofDays(2))).build(), CONTACT, "").interview();
        Interview first = service.onCalendarEvent(invitation().uid("a").start(START).build(), CONTACT, "").interview();
        Interview second = service.onCalendarEvent(invitation().uid("b").start(START.plus(Duration.ofDays(1))).build(), CONTACT, "").interview();
        Instant afterTheSecond = START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));

        assertThat(List.of(ordinal(first, afterTheSecond), ordinal(second, afterTheSecond), ordinal(third, afterTheSecond)))
                .containsExactly(1, 2, 3);
        assertThat(ordinal(third, START.minus(Duration.ofDays(1)))).as("interviews still to come are not counted").isEqualTo(1);

        service.onCalendarEvent(invitation().uid("a").method("CANCEL").sequence(1).start(START).build(), CONTACT, "");
        assertThat(ordinal(second, afterTheSecond)).isEqualTo(1);
        assertThat(ordinal(third, afterTheSecond)).isEqualTo(2);
    }

    @Test
    void replanningAfterACrashRecreatesTriggersThatWereLost() {
        Interview interview = created();
        scheduler.cancelAll(interview.id());
        assertThat(QuartzTables.pendingTriggers(db)).isZero();

        int active = service.replanAll();

        assertThat(active).isEqualTo(1);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(FULL_PLAN);
    }
}
