package org.rebond.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.rebond.SteppedClock;
import org.rebond.application.ActionRunner;
import org.rebond.application.MailDrop;
import org.rebond.application.MessageComposer;
import org.rebond.application.Outbox;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.HumanHours;
import org.rebond.domain.Policy;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlOutbox;

class QuartzActionSchedulerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Duration AHEAD = Duration.ofDays(3);

    /** What the job saw when it fired. */
    private record Fired(long interviewId, Action action, ActionRunner.Result result) {}

    @TempDir
    Path dir;

    private Database db;
    private SqlInterviewStore store;
    private SqlOutbox outbox;
    private QuartzActionScheduler scheduler;
    private final List<Fired> fired = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = database(dir.resolve("rebond.db"));
    }

    /** The database the test runs on: an SQLite file here, PostgreSQL in {@link QuartzOnPostgresIT}. */
    Database database(Path file) {
        return Database.open(file);
    }

    /** Whether Quartz runs clustered, as it does on PostgreSQL. */
    boolean clustered() {
        return false;
    }

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.stop(false);
        }
        db.close();
    }

    /** Plain delays at any hour: these tests run at the wall clock's time of day and are about Quartz, not human hours. */
    private static final Policy PLAIN_DELAYS = Policy.defaults().withHumanHours(HumanHours.DEFAULTS.off());

    /** A scheduler whose jobs run a real runner on the real store; composing fails with {@code composeFailure} when given. */
    private QuartzActionScheduler scheduler(Clock domain, Clock quartz, RuntimeException composeFailure) {
        store = new SqlInterviewStore(db, domain);
        outbox = new SqlOutbox(db);
        MessageComposer composer = new MessageComposer() {
            @Override
            public OutgoingMessage compose(Interview interview, Action action, String token, String messageId) {
                if (composeFailure != null) {
                    throw composeFailure;
                }
                throw new AssertionError("these tests never deliver");
            }

            @Override
            public Rendered preview(Interview interview, Action action) {
                throw new AssertionError("these tests never preview");
            }
        };
        MailDrop unreachable = new MailDrop() {
            @Override
            public OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId) {
                throw new AssertionError("these tests never reach the mailbox");
            }

            @Override
            public DraftState draftState(String messageId, String digest) {
                throw new AssertionError("these tests never reach the mailbox");
            }

            @Override
            public DraftState deleteDraftIfUntouched(String messageId, String digest) {
                throw new AssertionError("these tests never reach the mailbox");
            }

            @Override
            public long append(OutgoingMessage message) {
                throw new AssertionError("these tests never reach the mailbox");
            }
        };
        ActionRunner runner = new ActionRunner(store, outbox, composer, unreachable, new Planner(PLAIN_DELAYS), domain,
                "rebond.test");
        scheduler = new QuartzActionScheduler(db.dataSource(),
                new ActionJobFactory(runner, (id, action, result) -> fired.add(new Fired(id, action, result))), domain, quartz, 1, clustered());
        return scheduler;
    }

    private Interview saved(Instant start, Interview.State state) {
        return store.save(new Interview(0, "iv-" + start + "@acme.example", "", 0, null, state, start, start.plus(Duration.ofMinutes(30)),
                "Europe/Paris", false, "Information interview", "", "claire@acme.example",
                new Interview.Person("claire@acme.example", "Claire"), null, "title", ""));
    }

    private static List<? extends Trigger> triggersOf(long interviewId, Action action) throws Exception {
        Scheduler quartz = SchedulerRepository.getInstance().lookup("rebond");
        return quartz.getTriggersOfJob(JobKey.jobKey(action.key(), "interview-" + interviewId));
    }

    @Test
    void cancellingAllOfAnInterviewRemovesOnlyItsTriggers() {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
        QuartzActionScheduler s = scheduler(clock, clock, null);
        Instant due = Instant.parse("2025-03-09T09:00:00Z");
        for (Action action : List.of(Action.BRIEF, Action.DEBRIEF_PROMPT, Action.THANK_YOU)) {
            s.schedule(1, new PlannedAction(action, due));
        }
        s.schedule(2, new PlannedAction(Action.BRIEF, due));
        s.schedule(2, new PlannedAction(Action.keepPosted(1), due.plus(Duration.ofDays(21))));

        s.cancelAll(1);
        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(2);
        s.cancelAll(2);
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
        s.cancelAll(3);
        assertThat(QuartzTables.pendingTriggers(db)).isZero();
    }

    @Test
    void schedulingTheSameActionTwiceKeepsOneTriggerAtTheLatestDueInstant() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
        QuartzActionScheduler s = scheduler(clock, clock, null);
        Instant first = Instant.parse("2025-03-09T09:00:00Z");
        Instant moved = Instant.parse("2025-03-11T09:00:00Z");

        s.schedule(1, new PlannedAction(Action.BRIEF, first));
        s.schedule(1, new PlannedAction(Action.BRIEF, moved));

        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(1);
        assertThat(triggersOf(1, Action.BRIEF)).singleElement()
                .satisfies(t -> assertThat(t.getStartTime().toInstant()).isEqualTo(moved));
    }

    @Test
    void planningAnActionAgainForTheSameInstantLeavesItsWaitingTriggerAsItIsAndAnotherInstantReplacesIt() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
        QuartzActionScheduler s = scheduler(clock, clock, null);
        Instant due = Instant.parse("2025-03-09T09:00:00Z");
        s.scheduleAll(1, List.of(new PlannedAction(Action.BRIEF, due), new PlannedAction(Action.THANK_YOU, due.plus(Duration.ofHours(2)))));
        markTriggers("as planned at the first start");

        // A start plans every interview again: what has not changed is not written again.
        s.scheduleAll(1, List.of(new PlannedAction(Action.BRIEF, due), new PlannedAction(Action.THANK_YOU, due.plus(Duration.ofHours(3)))));

        assertThat(QuartzTables.pendingTriggers(db)).isEqualTo(2);
        assertThat(triggersOf(1, Action.BRIEF)).singleElement()
                .satisfies(t -> assertThat(t.getDescription()).isEqualTo("as planned at the first start"));
        assertThat(triggersOf(1, Action.THANK_YOU)).singleElement().satisfies(t -> {
            assertThat(t.getStartTime().toInstant()).isEqualTo(due.plus(Duration.ofHours(3)));
            assertThat(t.getDescription()).isNull();
        });
    }

    @Test
    void anActionWithARetryTriggerBesideItsOwnIsPlannedAgainToOneTrigger() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
        QuartzActionScheduler s = scheduler(clock, clock, null);
        Instant due = Instant.parse("2025-03-09T09:00:00Z");
        s.schedule(1, new PlannedAction(Action.BRIEF, due));
        s.retry(QuartzActionScheduler.jobKey(1, Action.BRIEF), Action.BRIEF.key(), due.plus(Duration.ofHours(1)));
        assertThat(triggersOf(1, Action.BRIEF)).hasSize(2);

        s.schedule(1, new PlannedAction(Action.BRIEF, due));

        assertThat(triggersOf(1, Action.BRIEF)).singleElement()
                .satisfies(t -> assertThat(t.getStartTime().toInstant()).isEqualTo(due));
    }

    /** Writes a description on every trigger, as nothing in rebond does: a trigger written again loses it. */
    private void markTriggers(String description) throws Exception {
        try (var c = db.dataSource().getConnection(); var update = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET DESCRIPTION = ?")) {
            update.setString(1, description);
            update.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @Test
    void aDueInstantOnTheDomainClockIsTranslatedToQuartzsTimeBase() throws Exception {
        Instant quartzNow = Instant.parse("2025-03-01T10:00:00Z");
        SteppedClock quartz = new SteppedClock(quartzNow);
        SteppedClock domain = new SteppedClock(quartzNow.plus(AHEAD));
        QuartzActionScheduler s = scheduler(domain, quartz, null);

        s.schedule(1, new PlannedAction(Action.THANK_YOU, domain.instant().plus(Duration.ofHours(2))));
        s.schedule(1, new PlannedAction(Action.BRIEF, domain.instant()));

        assertThat(triggersOf(1, Action.THANK_YOU)).singleElement()
                .satisfies(t -> assertThat(t.getStartTime().toInstant()).isEqualTo(quartzNow.plus(Duration.ofHours(2))));
        assertThat(triggersOf(1, Action.BRIEF)).singleElement()
                .satisfies(t -> assertThat(t.getStartTime().toInstant()).isEqualTo(quartzNow));
    }

    @Test
    void anActionDueNowOnADomainClockDaysAheadFiresNow() {
        SteppedClock domain = new SteppedClock(Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS));
        QuartzActionScheduler s = scheduler(domain, Clock.systemUTC(), null);
        Interview cancelled = saved(domain.instant().minus(Duration.ofHours(5)), Interview.State.CANCELLED);
        s.start();

        s.schedule(cancelled.id(), new PlannedAction(Action.THANK_YOU, domain.instant()));

        await().atMost(BOUND).until(() -> !fired.isEmpty());
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.interviewId()).isEqualTo(cancelled.id());
            assertThat(f.action()).isEqualTo(Action.THANK_YOU);
            assertThat(f.result().kind()).isEqualTo(ActionRunner.Result.Kind.SKIPPED);
        });
        assertThat(outbox.find(cancelled.id(), Action.THANK_YOU)).get().extracting(Outbox.Entry::state).isEqualTo(Outbox.State.SKIPPED);
        await().atMost(BOUND).until(() -> QuartzTables.pendingTriggers(db) == 0);
    }

    @Test
    void anActionThatFiresEarlyIsPutBackAtItsDueInstantOnTheDomainClock() throws Exception {
        SteppedClock domain = new SteppedClock(Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS));
        QuartzActionScheduler s = scheduler(domain, Clock.systemUTC(), null);
        // The thank-you is due two hours after the end, i.e. in 3 h on the domain clock.
        Interview interview = saved(domain.instant().plus(Duration.ofMinutes(30)), Interview.State.SCHEDULED);
        Instant due = interview.end().plus(Duration.ofHours(2));
        s.start();

        s.schedule(interview.id(), new PlannedAction(Action.THANK_YOU, domain.instant()));

        await().atMost(BOUND).until(() -> !fired.isEmpty() && triggersOf(interview.id(), Action.THANK_YOU).size() == 1
                && triggersOf(interview.id(), Action.THANK_YOU).get(0).getStartTime().toInstant().isAfter(Instant.now()));
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.result().kind()).isEqualTo(ActionRunner.Result.Kind.WAIT);
            assertThat(f.result().retryAt()).isEqualTo(due);
        });
        Instant retryOnQuartz = triggersOf(interview.id(), Action.THANK_YOU).get(0).getStartTime().toInstant();
        assertThat(Duration.between(Instant.now(), retryOnQuartz)).isBetween(Duration.ofHours(2).plusMinutes(50), Duration.ofHours(3));
        assertThat(outbox.find(interview.id(), Action.THANK_YOU)).isEmpty();
    }

    @Test
    void aFailingActionIsRetriedFiveMinutesLaterOnTheDomainClock() throws Exception {
        SteppedClock domain = new SteppedClock(Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS));
        QuartzActionScheduler s = scheduler(domain, Clock.systemUTC(), new IllegalStateException("template thank-you.ftl broken at line 3"));
        Interview interview = saved(domain.instant().minus(Duration.ofHours(3)), Interview.State.SCHEDULED);
        s.start();

        s.schedule(interview.id(), new PlannedAction(Action.THANK_YOU, domain.instant()));

        await().atMost(BOUND).until(() -> !fired.isEmpty());
        assertThat(fired.get(0).result().kind()).isEqualTo(ActionRunner.Result.Kind.RETRY);
        assertThat(fired.get(0).result().retryAt()).isEqualTo(domain.instant().plus(Duration.ofMinutes(5)));
        await().atMost(BOUND).until(() -> triggersOf(interview.id(), Action.THANK_YOU).size() == 1);
        Instant retryOnQuartz = triggersOf(interview.id(), Action.THANK_YOU).get(0).getStartTime().toInstant();
        assertThat(Duration.between(Instant.now(), retryOnQuartz)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        assertThat(fired).as("no burst of retries").hasSize(1);
    }
}
