package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.USER;
import static org.rebond.domain.TestEvents.invitation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.rebond.SteppedClock;
import org.rebond.application.InterviewService.Outcome;
import org.rebond.domain.Action;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewSequence;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;

/**
 * What the tests of {@link InterviewService} share: the service on the SQL stores, with a Quartz
 * scheduler that is never started (nothing fires) and a clock the test steps, and the helpers that
 * create an interview and read its triggers. The tests are grouped by what they test:
 * {@link InterviewServiceTest} (invitations created, moved, cancelled or refused),
 * {@link InterviewServiceNotesAndReferrersTest} (debrief notes, suggested contacts, referrers) and
 * {@link InterviewServiceTrackingTest} (seen events, track and ignore, prep-event updates,
 * recurrence instances, duplicates).
 */
abstract class InterviewServiceFixture {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant START = Instant.parse("2025-03-10T09:00:00Z");
    /** BRIEF, DEBRIEF_PROMPT, THANK_YOU, KEEP_POSTED_1, KEEP_POSTED_2. */
    static final int FULL_PLAN = 5;

    @TempDir
    Path dir;

    final SteppedClock clock = new SteppedClock(NOW);
    Database db;
    SqlInterviewStore store;
    SqlMessageHistory history;
    QuartzActionScheduler scheduler;
    InterviewService service;

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

    static Trigger onlyTrigger(long interviewId, Action action) throws SchedulerException {
        Scheduler quartz = SchedulerRepository.getInstance().lookup("rebond");
        List<? extends Trigger> triggers = quartz.getTriggersOfJob(JobKey.jobKey(action.key(), "interview-" + interviewId));
        assertThat(triggers).hasSize(1);
        return triggers.get(0);
    }

    Interview created() {
        Outcome outcome = service.onCalendarEvent(invitation().start(START).build(), CONTACT, "<invite-1@acme.example>");
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.CREATED);
        return outcome.interview();
    }

    int ordinal(Interview interview, Instant now) {
        return InterviewSequence.ordinal(interview, store.all(), now);
    }
}
