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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.rebond.application.ActionRunner;
import org.rebond.application.FailingMailDrop;
import org.rebond.application.Outbox;
import org.rebond.application.StoppingMailDrop;
import org.rebond.cli.Main;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;

/**
 * One story of {@link RandomStoryIT}: the random draws and the steps taken on the daemon, from a new
 * invitation to a crash mid-delivery or a server fault ({@link StoryFaults}), each recorded in the
 * {@link StoryModel} it extends and checked against it.
 */
final class RandomStory extends StoryModel {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;

    final Random random;
    final StoryFaults faults = new StoryFaults(daemon);
    int counter;
    /** While set (the server or the daemon down), a delivered message is not waited for; the last one's UID is kept. */
    boolean deferReads;
    long unread;

    RandomStory(DaemonOnGreenMail daemon, long seed) {
        super(daemon);
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
}
