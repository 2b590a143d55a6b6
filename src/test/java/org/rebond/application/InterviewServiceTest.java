package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.USER;
import static org.rebond.domain.TestEvents.invitation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.rebond.SteppedClock;
import org.rebond.application.InterviewService.Outcome;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.EventTime;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewSequence;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.domain.SeenEvent;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.schedule.QuartzTables;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;

class InterviewServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant START = Instant.parse("2025-03-10T09:00:00Z");
    /** BRIEF, DEBRIEF_PROMPT, THANK_YOU, KEEP_POSTED_1, KEEP_POSTED_2. */
    private static final int FULL_PLAN = 5;

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(NOW);
    private Database db;
    private SqlInterviewStore store;
    private SqlMessageHistory history;
    private QuartzActionScheduler scheduler;
    private InterviewService service;

    /** The database the test runs on: an SQLite file here, PostgreSQL in {@link ApplicationOnPostgresIT}. */
    Database database(Path file) {
        return Database.open(file);
    }

    @BeforeEach
    void openStoreAndScheduler() {
        db = database(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        history = new SqlMessageHistory(db, Set.of(USER));
        // Never started: nothing fires, the runner is never asked for.
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), clock, clock, 1);
        service = new InterviewService(store, scheduler, new InterviewDetector(DetectionRules.defaults(), Set.of(USER), store::isSuggestedContact),
                history, new Planner(Policy.defaults()), ZoneId.of("Europe/Paris"), clock);
    }

    @AfterEach
    void close() {
        scheduler.stop(false);
        db.close();
    }

    private static Trigger onlyTrigger(long interviewId, Action action) throws SchedulerException {
        Scheduler quartz = SchedulerRepository.getInstance().lookup("rebond");
        List<? extends Trigger> triggers = quartz.getTriggersOfJob(JobKey.jobKey(action.key(), "interview-" + interviewId));
        assertThat(triggers).hasSize(1);
        return triggers.get(0);
    }

    private Interview created() {
        Outcome outcome = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<invite-1@acme.example>");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.CREATED);
        return outcome.interview();
    }

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
    void theReferrerIsFoundFromAnIntroductionMessage() {
        history.record(new SqlMessageHistory.SeenMessage("INBOX", 1, 10, "<intro@friends.example>", "", List.of(),
                NOW.minus(Duration.ofDays(7)), "paul@friends.example", "Paul Martin", List.of(USER, CONTACT),
                "Intro: Sam <> Claire", "Sam, meet Claire", ""));

        Interview interview = created();

        assertThat(interview.referrer()).isEqualTo(new Interview.Person("paul@friends.example", "Paul Martin"));
        assertThat(store.byId(interview.id()).orElseThrow().referrer()).isEqualTo(interview.referrer());
    }

    @Test
    void namesGivenInADebriefBecomeSuggestedContactsAndTheirInterviewsKnowWhoReferredThem() {
        Interview first = created();
        service.recordNotes(first, new DebriefNotes(List.of("FHIR is the hard part"), List.of(),
                List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, true)), ""), "<notes@x.example>");

        assertThat(store.suggestedBy("Lou.Kim@hospital.example")).contains(new Interview.Person(CONTACT, "Claire Dubois"));
        Outcome second = service.onCalendarEvent(invitation().uid("iv-2@hospital.example").organizer("lou.kim@hospital.example", "Lou Kim")
                .summary("Information interview with Lou").start(START.plus(Duration.ofDays(10))).build(), "lou.kim@hospital.example", "");
        assertThat(second.interview().referrer()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(store.metThanksTo(CONTACT)).extracting(Interview::uid).containsExactly("iv-2@hospital.example");
    }

    @Test
    void aSecondGoOfNotesAddsToTheFirstAndTheSameReplySeenTwiceCountsOnce() {
        Interview interview = created();
        DebriefNotes reply = new DebriefNotes(List.of("FHIR is the hard part"), List.of("The FHIR meetup"),
                List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, false)), "https://example.org/a");
        service.recordNotes(interview, reply, "<notes@x.example>");

        Outcome again = service.recordNotes(interview, reply, "<notes@x.example>");
        Outcome added = service.recordNotes(interview, new DebriefNotes(List.of("fhir is the HARD part!", "Clinicians review releases"), List.of(),
                List.of(new DebriefNotes.NameGiven("lou kim", "", true, true, true, true)), "", List.of("Write to Lou on Monday")),
                "rebond notes 4");

        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(added.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(store.notes(interview.id())).contains(new DebriefNotes(List.of("FHIR is the hard part", "Clinicians review releases"),
                List.of("The FHIR meetup"), List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, true, true, true)),
                "https://example.org/a", List.of("Write to Lou on Monday")));
        assertThat(store.notesSources(interview.id())).extracting(InterviewStore.NotesSource::sourceId)
                .containsExactly("<notes@x.example>", "rebond notes 4");
        assertThat(store.suggestedBy("lou.kim@hospital.example")).contains(new Interview.Person(CONTACT, "Claire Dubois"));
    }

    @Test
    void aNameGivenWithoutAnAddressIsRecognisedByItsFullNameAndANameNotToBeKeptIsNot() {
        Interview first = created();
        service.recordNotes(first, new DebriefNotes(List.of(), List.of(), List.of(
                new DebriefNotes.NameGiven("Anne Roy", "", true, true, false, true),
                new DebriefNotes.NameGiven("Max Secret", "max@secret.example", false, false, false, false)), ""), "<notes@x.example>");

        Outcome anne = service.onCalendarEvent(invitation().uid("iv-anne@lab.example").organizer("a.roy@lab.example", "Anne Roy")
                .summary("Catch-up").start(START.plus(Duration.ofDays(10))).build(), "a.roy@lab.example", "");
        Outcome max = service.onCalendarEvent(invitation().uid("iv-max@secret.example").organizer("max@secret.example", "Max Secret")
                .summary("Catch-up").start(START.plus(Duration.ofDays(11))).build(), "max@secret.example", "");

        assertThat(anne.interview()).isNotNull();
        assertThat(anne.interview().reason()).isEqualTo("contact suggested in an earlier debrief");
        assertThat(anne.interview().referrer()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(store.suggestionFor("Anne Roy")).hasValueSatisfying(s -> assertThat(s.introduces()).isTrue());
        assertThat(store.isSuggestedContact("Anne")).as("one word is too little to tell a person").isFalse();
        assertThat(max.interview()).as("the contact asked the user not to keep this name").isNull();
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

    private int ordinal(Interview interview, Instant now) {
        return InterviewSequence.ordinal(interview, store.all(), now);
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

    // --- issue 4: seen events, track and ignore, prep-event updates, recurrence instances, duplicates ---

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
