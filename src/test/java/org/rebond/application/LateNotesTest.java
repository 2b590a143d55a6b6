package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.USER;
import static org.rebond.domain.TestEvents.invitation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.rebond.SteppedClock;
import org.rebond.domain.Action;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;

/** Notes that come after the thank-you draft ask for a revision of it, planned at once and again after a restart. */
class LateNotesTest {

    private static final Instant START = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant AFTER_THANKS = START.plus(Duration.ofHours(3));

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(START.minus(Duration.ofDays(7)));
    private Database db;
    private SqlInterviewStore store;
    private SqlOutbox outbox;
    private QuartzActionScheduler scheduler;
    private InterviewService service;
    private Interview interview;

    /** The database the test runs on: an SQLite file here, PostgreSQL in {@link ApplicationOnPostgresIT}. */
    Database database(Path file) {
        return Database.open(file);
    }

    @BeforeEach
    void open() {
        db = database(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        outbox = new SqlOutbox(db);
        // Never started: nothing fires, the runner is never asked for.
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), clock, clock, 1);
        service = new InterviewService(store, scheduler, new InterviewDetector(DetectionRules.defaults(), Set.of(USER), addr -> false),
                new SqlMessageHistory(db, Set.of(USER)), new Planner(Policy.defaults()), ZoneId.of("Europe/Paris"), clock);
        interview = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<invite-1@acme.example>").interview();
        clock.set(AFTER_THANKS);
    }

    @AfterEach
    void close() {
        scheduler.stop(false);
        db.close();
    }

    private void thankYouDelivered() {
        Outbox.Entry thanks = outbox.begin(interview.id(), Action.THANK_YOU, OutgoingMessage.Destination.DRAFTS, "t-1", "<rebond.t-1@x>", clock.instant());
        outbox.markDone(thanks.id(), 5, clock.instant());
    }

    private void notes(String source) {
        service.recordNotes(interview, new NotesParser().parse("Points discussed:\n- Discovery starts with nurses\n"), source);
    }

    private static List<? extends Trigger> triggers(long interviewId, Action action) throws SchedulerException {
        return SchedulerRepository.getInstance().lookup("rebond").getTriggersOfJob(JobKey.jobKey(action.key(), "interview-" + interviewId));
    }

    @Test
    void notesBeforeTheThankYouAskForNoRevision() {
        notes("<notes-1@example.net>");

        assertThat(store.draftRevisions(interview.id())).isEmpty();
    }

    @Test
    void notesAfterTheThankYouPlanOneRevisionAtOnce() throws Exception {
        thankYouDelivered();

        notes("<notes-1@example.net>");
        notes("<notes-2@example.net>");

        assertThat(store.draftRevisions(interview.id())).as("a revision still waiting takes the newest notes").containsExactly(1);
        assertThat(triggers(interview.id(), Action.thankYouRevision(1))).singleElement()
                .satisfies(t -> assertThat(t.getStartTime().toInstant()).isEqualTo(AFTER_THANKS));
    }

    @Test
    void aRevisionNotYetSettledIsPlannedAgainAfterARestart() throws Exception {
        thankYouDelivered();
        notes("<notes-1@example.net>");
        scheduler.cancelAll(interview.id());

        service.replanAll();

        assertThat(triggers(interview.id(), Action.thankYouRevision(1))).hasSize(1);
    }

    @Test
    void notesWhileTheThankYouIsBeingDeliveredPlanOneRevision() throws Exception {
        outbox.begin(interview.id(), Action.THANK_YOU, OutgoingMessage.Destination.DRAFTS, "t-1", "<rebond.t-1@x>", clock.instant());

        notes("<notes-1@example.net>");

        assertThat(store.draftRevisions(interview.id())).as("the draft under way was composed without them").containsExactly(1);
        assertThat(triggers(interview.id(), Action.thankYouRevision(1))).hasSize(1);
    }
}
