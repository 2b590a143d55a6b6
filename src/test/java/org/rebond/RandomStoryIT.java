package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rebond.application.ActionRunner;
import org.rebond.application.FailingMailDrop;
import org.rebond.application.Outbox;
import org.rebond.application.StoppingMailDrop;
import org.rebond.cli.Main;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;

/**
 * A model-based randomized test: the real daemon on GreenMail, with the tests' own driver of
 * pending actions and a clock the test steps, is led through a random story drawn by a seeded
 * {@link Random}: new information interviews, updates (a higher SEQUENCE, another time; sent for
 * an ignored interview too, and not applied), cancellations, duplicate deliveries, stale updates
 * (a lower SEQUENCE, delivered after a newer one), job interviews (never followed), debrief
 * replies, {@code rebond ignore} and then {@code rebond track} from the command line (applied by
 * the running daemon), time stepped forward with what is due fired, restarts, crashes
 * mid-delivery (a {@link StoppingMailDrop} stops the daemon dead before or after an APPEND, then a
 * clean restart), and server faults ({@link StoryFaults}: the IMAP server stopped and started
 * again while actions come due, deliveries failing with the APPEND refused or its reply lost, every
 * connection cut as a restarted daemon begins its first pass), after which each action held back
 * must go out once.
 * A small model of what the mailbox was told is kept beside it, and after each step the test
 * checks that:
 * <ul>
 *   <li>INBOX and Drafts hold at most one rebond message per (interview, action) (DESIGN I2);
 *   <li>the user's own messages are never modified: never marked read, and only those the test
 *       delivered;
 *   <li>every interview agrees with the model: the latest valid SEQUENCE's time, cancelled when a
 *       newer CANCEL came, ignored when the user said so, job interviews never followed;
 *   <li>nothing was delivered for a cancelled or ignored interview after it was (a cancelled
 *       interview whose brief went out gets its prep event update only), nothing before it was
 *       due, and a brief has gone out once it is due.
 * </ul>
 *
 * <p>It plays three fixed seeds of 25 steps each. A failure names the seed and lists the steps;
 * replay a seed (or several, comma-separated) with {@code -Drebond.story.seed=12345}, and make the
 * stories longer with {@code -Drebond.story.steps=100}:
 * {@code mvn verify -Dit.test=RandomStoryIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Drebond.story.seed=12345}.
 */
class RandomStoryIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final int STEPS = Integer.getInteger("rebond.story.steps", 25);

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    static LongStream seeds() {
        String given = System.getProperty("rebond.story.seed", "");
        if (!given.isBlank()) {
            return Arrays.stream(given.split(",")).mapToLong(s -> Long.parseLong(s.strip()));
        }
        return LongStream.of(20261206L, 1L, 4242L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRandomStoryKeepsEveryInvariantAfterEachStep(long seed) throws Exception {
        Story story = new Story(seed);
        try {
            story.play(STEPS);
        } catch (AssertionError | Exception e) {
            throw new AssertionError("the story of seed " + seed + " broke an invariant at its last step (replay it with -Drebond.story.seed="
                    + seed + ")\nsteps:\n" + String.join("\n", story.steps) + "\n\n" + e.getMessage(), e);
        }
    }

    /** What an invitation is about. */
    private enum Kind { INFORMATION, JOB }

    /** The model of one calendar event the story sent invitations for. */
    private static final class Modelled {
        final String uid;
        final Kind kind;
        final String summary;
        final List<MimeMessage> sent = new ArrayList<>();
        int sequence;
        /** The highest SEQUENCE the daemon applied (an update sent while the interview was ignored is not). */
        int applied;
        Instant start;
        Instant end;
        /** When its current time was sent: a brief for a time set nearer than the brief's lead comes at once. */
        Instant timeSetAt;
        boolean cancelled;
        boolean ignored;
        boolean notesSent;
        long id;

        Modelled(String uid, Kind kind, String summary, Instant start, Instant timeSetAt) {
            this.uid = uid;
            this.kind = kind;
            this.summary = summary;
            this.start = start;
            this.end = start.plus(Duration.ofMinutes(30));
            this.timeSetAt = timeSetAt;
        }

        boolean scheduled() {
            return kind == Kind.INFORMATION && !cancelled && !ignored;
        }

        @Override
        public String toString() {
            return uid + (id > 0 ? " (#" + id + ")" : "");
        }
    }

    /** One story: the random draws, the model, the steps taken so far. */
    private final class Story {
        final Random random;
        final List<String> steps = new ArrayList<>();
        final List<Modelled> model = new ArrayList<>();
        final StoryFaults faults = new StoryFaults(daemon);
        int userMessages;
        int counter;
        Policy policy;
        /** While set (the server or the daemon down), a delivered message is not waited for; the last one's UID is kept. */
        boolean deferReads;
        long unread;

        Story(long seed) {
            this.random = new Random(seed);
        }

        void play(int count) throws Exception {
            start();
            policy = App.policyOf(daemon.app.config());
            for (int i = 1; i <= count; i++) {
                String at = String.format("%3d. %s — ", i, daemon.clock.instant());
                steps.add(at + "(a step that did not finish)");
                steps.set(steps.size() - 1, at + step());
                checkInvariants();
            }
        }

        Instant now() {
            return daemon.clock.instant();
        }

        /** Draws a step whose precondition holds and takes it; says what it did. */
        String step() throws Exception {
            while (true) {
                int draw = random.nextInt(100);
                Optional<String> done;
                if (draw < 16) {
                    done = Optional.of(invite(Kind.INFORMATION));
                } else if (draw < 21) {
                    done = Optional.of(invite(Kind.JOB));
                } else if (draw < 29) {
                    done = pick(m -> !m.cancelled && m.start.isAfter(now())).map(this::update);
                } else if (draw < 34) {
                    done = pick(m -> !m.cancelled && !m.ignored && m.start.isAfter(now())).map(this::cancel);
                } else if (draw < 39) {
                    done = pick(m -> !m.sent.isEmpty()).map(this::duplicate);
                } else if (draw < 44) {
                    done = pick(m -> m.applied > 0).map(this::stale);
                } else if (draw < 49) {
                    done = pick(m -> m.scheduled() && !m.notesSent && promptDelivered(m)).map(this::reply);
                } else if (draw < 53) {
                    done = pick(m -> m.scheduled() && m.id > 0).map(this::ignore);
                } else if (draw < 57) {
                    done = pick(m -> m.ignored && m.id > 0).map(this::track);
                } else if (draw < 78) {
                    done = Optional.of(advance());
                } else if (draw < 83) {
                    done = Optional.of(restart());
                } else if (draw < 87) {
                    done = Optional.of(crash());
                } else if (draw < 92) {
                    done = Optional.of(outage());
                } else if (draw < 96) {
                    done = Optional.of(failingDeliveries());
                } else {
                    done = Optional.of(cutAsItStarts());
                }
                if (done.isPresent()) {
                    return done.get();
                }
            }
        }

        Optional<Modelled> pick(Predicate<Modelled> which) {
            List<Modelled> fit = model.stream().filter(which).toList();
            return fit.isEmpty() ? Optional.empty() : Optional.of(fit.get(random.nextInt(fit.size())));
        }

        Instant someTimeAhead() {
            return now().plus(Duration.ofMinutes(60 + random.nextInt(5 * 24 * 60))).truncatedTo(ChronoUnit.MINUTES);
        }

        String invite(Kind kind) throws Exception {
            int n = ++counter;
            String summary = kind == Kind.INFORMATION ? "Information interview Camille / Jeanne " + n : "Job interview for the position " + n;
            Modelled m = new Modelled("story-" + n + "@acme-health.example", kind, summary, someTimeAhead(), now());
            model.add(m);
            send(m, daemon.mailbox.invitation(m.uid, 0, "REQUEST", now(), m.start, m.end, m.summary));
            return (kind == Kind.INFORMATION ? "information interview " : "job interview ") + m + " at " + m.start;
        }

        String update(Modelled m) {
            m.sequence++;
            if (m.ignored) {
                // Sent, but not applied: the interview stays as it was when the user ignored it.
                Instant elsewhere = someTimeAhead();
                deliver(invitationOf(m, m.sequence, "REQUEST", elsewhere, "<invite-" + m.uid + "-" + m.sequence + "@acme-health.example>"));
                return "update of ignored " + m + " to SEQUENCE " + m.sequence + ", to " + elsewhere + " (stays ignored, not moved)";
            }
            m.applied = m.sequence;
            m.start = someTimeAhead();
            m.end = m.start.plus(Duration.ofMinutes(30));
            m.timeSetAt = now();
            send(m, invitationOf(m, m.sequence, "REQUEST", m.start, "<invite-" + m.uid + "-" + m.sequence + "@acme-health.example>"));
            return "update of " + m + " to SEQUENCE " + m.sequence + ", moved to " + m.start;
        }

        String cancel(Modelled m) {
            m.sequence++;
            m.applied = m.sequence;
            m.cancelled = true;
            send(m, invitationOf(m, m.sequence, "CANCEL", m.start, "<invite-" + m.uid + "-" + m.sequence + "@acme-health.example>"));
            return "cancellation of " + m + " with SEQUENCE " + m.sequence;
        }

        String duplicate(Modelled m) {
            int which = random.nextInt(m.sent.size());
            deliver(m.sent.get(which));
            return "duplicate delivery of message " + (which + 1) + " of " + m;
        }

        String stale(Modelled m) {
            int sequence = random.nextInt(m.applied);
            Instant elsewhere = someTimeAhead();
            deliver(invitationOf(m, sequence, "REQUEST", elsewhere, "<stale-" + (++counter) + "@acme-health.example>"));
            return "stale update of " + m + " with SEQUENCE " + sequence + " (latest applied " + m.applied + "), to " + elsewhere;
        }

        String reply(Modelled m) {
            Outbox.Entry prompt = daemon.app.outbox().find(m.id, Action.DEBRIEF_PROMPT).orElseThrow();
            try {
                MimeMessage reply = daemon.mailbox.plain("<notes-" + (++counter) + "@example.org>", TestMailbox.USER, TestMailbox.USER, null,
                        "Re: notes", "Points discussed:\n- Interoperability is the hard part\nLeads:\n- The FHIR meetup\n", now());
                reply.setHeader("In-Reply-To", prompt.messageId());
                m.notesSent = true;
                deliver(reply);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return "debrief reply to the prompt of " + m;
        }

        String ignore(Modelled m) {
            rebond("ignore", m, "ignored");
            m.ignored = true;
            assertThat(daemon.app.store().byId(m.id).orElseThrow().state()).as("state of " + m + " once ignored").isEqualTo(Interview.State.IGNORED);
            assertThat(daemon.driver().pendingOf(m.id)).as("pending actions of " + m + " once ignored").isEmpty();
            return "rebond ignore " + m;
        }

        /** {@code rebond track ID} of an interview the user had ignored: followed again, its plan back. */
        String track(Modelled m) {
            rebond("track", m, "tracked");
            m.ignored = false;
            Interview i = daemon.app.store().byId(m.id).orElseThrow();
            assertThat(i.state()).as("state of " + m + " once tracked again").isEqualTo(Interview.State.SCHEDULED);
            Set<Action> pending = daemon.driver().pendingOf(m.id);
            List<Action> planned = new Planner(policy).plan(i, now()).stream().map(PlannedAction::action).toList();
            assertThat(planned).as("the plan of " + m + " once tracked again: every action pending, or delivered or skipped already")
                    .allSatisfy(a -> assertThat(pending.contains(a) || daemon.app.outbox().find(m.id, a)
                            .map(e -> e.state() == Outbox.State.DONE || e.state() == Outbox.State.SKIPPED).orElse(false))
                            .as(a + " (pending: " + pending + ")").isTrue());
            return "rebond track " + m + ", " + pending.size() + " actions pending again; fired " + fired(daemon.runDue());
        }

        /** Runs {@code rebond <command> <id>} as the user would while the daemon runs, and waits until the daemon has applied it. */
        void rebond(String command, Modelled m, String journalEvent) {
            long before = journalCount(m, journalEvent);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {command, Long.toString(m.id), "--config", config().toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true), daemon.clock);
            assertThat(code).as("rebond " + command + ": " + out + err).isZero();
            await().atMost(BOUND).until(() -> journalCount(m, journalEvent) > before);
        }

        long journalCount(Modelled m, String event) {
            return daemon.app.store().journalOf(m.id).stream().filter(l -> l.event().equals(event)).count();
        }

        String advance() throws Exception {
            Duration by = stepSize();
            daemon.stepTo(now().plus(by));
            return "time forward by " + by + ", fired " + fired(daemon.runDue());
        }

        /** The earliest instant ahead at which the model expects a brief, a prompt or a thank-you, so a crash step has something to stop in. */
        Optional<Instant> nextDelivery() {
            return model.stream().filter(Modelled::scheduled)
                    .flatMap(m -> Stream.of(m.start.minus(policy.briefBefore()), promptDue(m), thankYouDue(m)))
                    .filter(due -> due.isAfter(now())).min(Comparator.naturalOrder());
        }

        /** The prompt's due instant for the model's times, human hours included (as PlannerTest pins them). */
        Instant promptDue(Modelled m) {
            return new Planner(policy).promptDue(asInterview(m)).at();
        }

        Instant thankYouDue(Modelled m) {
            return new Planner(policy).thankYouDue(asInterview(m)).at();
        }

        private Interview asInterview(Modelled m) {
            return new Interview(0, m.uid, "", m.sequence, null, Interview.State.SCHEDULED, m.start, m.end, policy.zone().getId(), false,
                    m.summary, "", "", new Interview.Person("contact@example.org", ""), null, "", "");
        }

        Duration stepSize() {
            int draw = random.nextInt(10);
            if (draw < 7) {
                return Duration.ofMinutes(10 + random.nextInt(36 * 60));
            }
            return draw < 9 ? Duration.ofHours(24 + random.nextInt(4 * 24)) : Duration.ofDays(20 + random.nextInt(50));
        }

        void start() {
            daemon.startWithManualScheduler(faults.drops());
        }

        String restart() throws Exception {
            daemon.stop();
            start();
            return "restart, fired " + fired(daemon.runDue());
        }

        String crash() throws Exception {
            List<StoppingMailDrop.Step> steps = List.of(StoppingMailDrop.Step.BEFORE_APPEND, StoppingMailDrop.Step.AFTER_APPEND);
            StoppingMailDrop.Step where = steps.get(random.nextInt(steps.size()));
            daemon.stop();
            daemon.startWithManualScheduler(drop -> new StoppingMailDrop(faults.drops().apply(drop), where));
            Duration by = nextDelivery().map(due -> Duration.between(now(), due).plus(GRACE)).orElseGet(this::stepSize);
            daemon.stepTo(now().plus(by));
            String what;
            try {
                what = "fired " + fired(daemon.runDue()) + " without a stop";
            } catch (StoppingMailDrop.Stopped stopped) {
                what = "stopped dead " + where.name().toLowerCase().replace('_', ' ');
            }
            daemon.stop();
            start();
            return "crash step: time forward by " + by + ", " + what + "; clean restart fired " + fired(daemon.runDue());
        }

        /** The time to step for a fault: past the next delivery the model expects, so the fault meets something due. */
        Duration toNextDelivery() {
            return nextDelivery().map(due -> Duration.between(now(), due).plus(GRACE)).orElseGet(this::stepSize);
        }

        /** A message from the organizer, as arrives while something is wrong: a new invitation, or an update. */
        String arrival() throws Exception {
            Optional<Modelled> movable = pick(m -> m.scheduled() && m.start.isAfter(now()));
            return movable.isPresent() && random.nextBoolean() ? update(movable.get()) : invite(Kind.INFORMATION);
        }

        /**
         * Server fault: the IMAP server goes away (every connection dropped, new ones refused), maybe
         * just after a message arrived (the watcher may be reading it) and maybe with another arriving
         * while it is away, while actions come due; nothing can be delivered meanwhile. Then it comes
         * back, the watcher reconnects and catches up, and each action held back goes out once.
         */
        String outage() throws Exception {
            StringBuilder what = new StringBuilder("server fault: ");
            // The first pass over the mailbox done (a story may begin with this step), so actions can fire while the server is away.
            daemon.awaitStarted();
            deferReads = true;
            if (random.nextBoolean()) {
                what.append(arrival()).append(", then ");
            }
            int connections = faults.cut();
            what.append("the IMAP server stops");
            if (random.nextBoolean()) {
                what.append("; meanwhile ").append(arrival());
            }
            Duration by = toNextDelivery();
            daemon.stepTo(now().plus(by));
            List<ManualActionScheduler.Fired> down = daemon.runDue();
            assertThat(down).as("what fired while the server was unreachable").noneMatch(f -> f.result().kind() == ActionRunner.Result.Kind.DELIVERED);
            long heldBack = down.stream().filter(f -> f.result().kind() == ActionRunner.Result.Kind.RETRY).count();
            faults.restore(connections);
            catchUp();
            return what + "; time forward by " + by + ", " + heldBack + " held back; the server is back, the watcher reconnected; fired "
                    + fired(faults.recover(down));
        }

        /**
         * Server fault: the server stays up but the next deliveries fail, an APPEND refused or its
         * reply lost after the message was stored (and a retry's search for its token failing too);
         * each is retried until it goes out, once.
         */
        String failingDeliveries() throws Exception {
            FailingMailDrop.Fault fault = FailingMailDrop.Fault.values()[random.nextInt(FailingMailDrop.Fault.values().length)];
            int count = 1 + random.nextInt(3);
            FailingMailDrop drop = faults.drop();
            drop.arm(count, fault);
            Duration by = toNextDelivery();
            daemon.stepTo(now().plus(by));
            List<ManualActionScheduler.Fired> first = daemon.runDue();
            long heldBack = first.stream().filter(f -> f.result().kind() == ActionRunner.Result.Kind.RETRY).count();
            List<ManualActionScheduler.Fired> retried;
            try {
                retried = faults.recover(first);
            } finally {
                drop.disarm();
            }
            List<ManualActionScheduler.Fired> all = new ArrayList<>(first);
            all.addAll(retried);
            return "server fault: the next " + count + " deliveries fail (" + fault.name().toLowerCase().replace('_', ' ') + "); time forward by " + by
                    + ", " + heldBack + " held back, " + drop.failed() + " failures in all; fired " + fired(all);
        }

        /**
         * Server fault: the daemon restarts, maybe after a message arrived while it was down, and the
         * server drops every connection as its first pass over the mailbox begins; it reconnects and
         * reads the mailbox through before anything fires.
         */
        String cutAsItStarts() throws Exception {
            daemon.stop();
            deferReads = true;
            String arrived = random.nextBoolean() ? ", after " + arrival() + " arrived while it was down" : "";
            start();
            int connections = faults.cut();
            faults.restore(connections);
            catchUp();
            return "server fault: restart" + arrived + ", every connection dropped as its first pass began; reconnected, fired " + fired(daemon.runDue());
        }

        /** Once the fault is over: waits until the daemon has read the messages that arrived meanwhile. */
        void catchUp() {
            deferReads = false;
            long uid = unread;
            await().atMost(BOUND).until(() -> inboxCursor() >= uid);
        }

        Path config() {
            return daemon.config();
        }

        MimeMessage invitationOf(Modelled m, int sequence, String method, Instant start, String messageId) {
            try {
                return daemon.mailbox.invitation(m.uid, sequence, method, now(), start, start.plus(Duration.ofMinutes(30)), m.summary, messageId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void send(Modelled m, MimeMessage message) {
            m.sent.add(message);
            deliver(message);
        }

        /** Delivers a message to INBOX and waits until the daemon has read past it (later, after a fault: {@link #deferReads}). */
        void deliver(MimeMessage message) {
            daemon.mailbox.deliver(message);
            userMessages++;
            long uid = daemon.mailbox.lastInboxUid();
            if (deferReads) {
                unread = uid;
                return;
            }
            await().atMost(BOUND).until(() -> inboxCursor() >= uid);
        }

        long inboxCursor() throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + daemon.app.config().storage().database());
                 PreparedStatement q = c.prepareStatement("SELECT last_uid FROM folder_cursor WHERE folder = 'INBOX'");
                 ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }

        boolean promptDelivered(Modelled m) {
            return m.id > 0 && daemon.app.outbox().find(m.id, Action.DEBRIEF_PROMPT).map(e -> e.state() == Outbox.State.DONE).orElse(false);
        }

        /** Checks what fired against the model; says what was delivered. */
        String fired(List<ManualActionScheduler.Fired> fired) {
            Instant now = now();
            // An invitation read in this very step (after a fault) has no id in the model yet.
            model.stream().filter(m -> m.id == 0 && m.kind == Kind.INFORMATION)
                    .forEach(m -> daemon.app.store().find(m.uid, "").ifPresent(i -> m.id = i.id()));
            List<String> delivered = new ArrayList<>();
            for (ManualActionScheduler.Fired f : fired) {
                if (f.result().kind() != ActionRunner.Result.Kind.DELIVERED) {
                    continue;
                }
                Modelled m = model.stream().filter(x -> x.id == f.interviewId()).findFirst().orElse(null);
                delivered.add(f.action() + " of " + (m == null ? "#" + f.interviewId() : m));
                String what = f.action() + " of " + m + " delivered at " + now;
                assertThat(m).as(f.action() + " delivered for an interview the story never sent (#" + f.interviewId() + ")").isNotNull();
                assertThat(m.kind).as(what + ": a job interview is never followed").isEqualTo(Kind.INFORMATION);
                assertThat(m.ignored).as(what + ", after the user ignored it").isFalse();
                if (m.cancelled) {
                    assertThat(f.action().kind()).as(what + ", after it was cancelled").isEqualTo(Action.Kind.BRIEF_UPDATE);
                }
                Instant due = switch (f.action().kind()) {
                    case BRIEF -> m.timeSetAt.plus(policy.briefBefore()).isAfter(m.start) ? m.timeSetAt : m.start.minus(policy.briefBefore());
                    case BRIEF_UPDATE -> m.timeSetAt;
                    case DEBRIEF_PROMPT -> promptDue(m);
                    case THANK_YOU -> thankYouDue(m);
                    case KEEP_POSTED -> m.end.plus(policy.keepPostedAfterEnd().get(f.action().number() - 1));
                    case THANK_YOU_REVISION -> m.end.plus(policy.thankYouAfterEnd());
                };
                assertThat(now.plus(GRACE)).as(what + ", before it was due at " + due).isAfterOrEqualTo(due);
                if (f.action().kind() == Action.Kind.BRIEF || f.action().kind() == Action.Kind.BRIEF_UPDATE) {
                    assertThat(now).as(what + ", after the interview began at " + m.start).isBefore(m.start);
                }
            }
            return delivered.toString();
        }

        void checkInvariants() throws Exception {
            Map<String, List<TestMailbox.Listed>> folders = daemon.mailbox.listing("INBOX", "Drafts");
            List<TestMailbox.Listed> inbox = folders.get("INBOX");
            List<TestMailbox.Listed> drafts = folders.get("Drafts");

            // The user's own messages: exactly those delivered, never marked read, never touched.
            List<TestMailbox.Listed> own = inbox.stream().filter(s -> !s.byRebond()).toList();
            assertThat(own).as("the user's own messages in INBOX").hasSize(userMessages).noneMatch(TestMailbox.Listed::seen)
                    .noneMatch(TestMailbox.Listed::draft);
            assertThat(drafts).as("Drafts holds rebond's drafts only").allMatch(TestMailbox.Listed::byRebond);

            // Interviews agree with the model.
            for (Modelled m : model) {
                Optional<Interview> stored = daemon.app.store().find(m.uid, "");
                if (m.kind == Kind.JOB) {
                    assertThat(stored).as("job interview " + m.uid + " is not followed").isEmpty();
                    continue;
                }
                assertThat(stored).as("information interview " + m.uid + " is followed").isPresent();
                Interview i = stored.get();
                m.id = i.id();
                Interview.State state = m.ignored ? Interview.State.IGNORED : m.cancelled ? Interview.State.CANCELLED : Interview.State.SCHEDULED;
                assertThat(i.state()).as("state of " + m).isEqualTo(state);
                assertThat(i.start()).as("start of " + m + " (the latest valid SEQUENCE's)").isEqualTo(m.start);
                assertThat(i.end()).as("end of " + m).isEqualTo(m.end);
                if (m.notesSent) {
                    assertThat(daemon.app.store().notes(m.id)).as("notes of " + m).isPresent();
                }
                if (m.scheduled() && !now().isBefore(m.start.minus(policy.briefBefore())) && now().isBefore(m.start)
                        && lastStepFired()) {
                    assertThat(daemon.app.outbox().find(m.id, Action.BRIEF)).as("the brief of " + m + " once due")
                            .hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(Outbox.State.DONE));
                }
            }
            long followed = model.stream().filter(m -> m.kind == Kind.INFORMATION).count();
            assertThat(daemon.app.store().all()).as("interviews followed").hasSize((int) followed);

            // At most one rebond message per (interview, action), across INBOX (known by token) and Drafts (by Message-ID).
            Map<String, Outbox.Entry> byMark = new HashMap<>();
            for (Interview i : daemon.app.store().all()) {
                daemon.app.outbox().forInterview(i.id()).forEach(e -> {
                    byMark.put(e.token(), e);
                    byMark.put(e.messageId(), e);
                });
            }
            List<TestMailbox.Listed> rebond = new ArrayList<>(inbox.stream().filter(s -> s.token() != null).toList());
            rebond.addAll(drafts);
            Map<String, Long> perAction = rebond.stream().collect(Collectors.groupingBy(s -> {
                String mark = s.token() != null ? s.token() : s.messageId();
                Outbox.Entry e = byMark.get(mark);
                return e == null ? "unknown token " + mark : "#" + e.interviewId() + " " + e.action();
            }, Collectors.counting()));
            assertThat(perAction).as("rebond messages per (interview, action)").allSatisfy((key, n) -> {
                assertThat(key).doesNotStartWith("unknown token");
                assertThat(n).as(key).isEqualTo(1L);
            });
        }

        /** Whether the last step fired what was due (a step forward, a restart, a crash), so a due brief must be out. */
        boolean lastStepFired() {
            String last = steps.get(steps.size() - 1);
            return last.contains(" fired ");
        }
    }
}
