package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.rebond.Offline;
import org.rebond.application.CommandQueue;
import org.rebond.application.InterviewService;
import org.rebond.application.UserCommands;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;
import org.rebond.domain.UserCommand;
import org.rebond.i18n.Messages;

/**
 * What {@code rebond track} and {@code rebond ignore} share: the target is checked, the request is
 * written as a row, and applied by the process holding the instance lock (the running daemon, which
 * the command waits for a few seconds; or the command itself when no daemon runs). See
 * {@link UserCommands} for why the command never schedules into Quartz's tables itself.
 */
final class Overrides {

    /** How long the command waits for a running daemon to apply its request (it checks every 2 s). */
    private static final Duration DAEMON_ANSWER = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private Overrides() {}

    static int run(UserCommand.Kind kind, String typed, ConfigOption config, PrintWriter out, Clock clock) {
        String target = UserCommand.normalTarget(typed).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.USAGE,
                config.say("commands").get("target.invalid", typed)));
        RebondConfig loaded = config.load();
        Messages say = config.say("commands");
        try (Offline state = Offline.open(loaded, clock)) {
            long number = UserCommand.number(target);
            boolean known = UserCommand.isSeenEvent(target) ? state.store().seenById(number).isPresent() : state.store().byId(number).isPresent();
            if (!known) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, UserCommand.isSeenEvent(target)
                        ? say.get("event.unknown", target, config) : say.get("interview.unknown", number, config));
            }
            Submitted submitted = submit(state, kind, target, "");
            boolean byDaemon = submitted.byDaemon();
            if (submitted.applied().isEmpty()) {
                out.println(notYetApplied(say));
                return ExitCodes.OK;
            }
            CommandQueue.Applied applied = submitted.applied().get();
            Optional<Interview> interview = applied.interviewId() == 0 ? Optional.empty() : state.store().byId(applied.interviewId());
            Optional<SeenEvent> seen = UserCommand.isSeenEvent(target) ? state.store().seenById(number) : Optional.empty();
            DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language())
                    .withZone(loaded.profile().timeZone());
            String message = describe(kind, target, applied, interview, seen, when, say);
            if (applied.kind() == InterviewService.Outcome.Kind.REJECTED) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, message);
            }
            out.println(message);
            if (byDaemon) {
                out.println(say.get("applied.by.daemon"));
            }
            return ExitCodes.OK;
        }
    }

    /** What became of a request: applied (by the running daemon, or here), or not yet when the daemon did not answer in time. */
    record Submitted(Optional<CommandQueue.Applied> applied, boolean byDaemon, long requestId) {}

    /**
     * Writes the request and has it applied by the process holding the instance lock: this one when
     * no daemon runs (the lock is held meanwhile), else the daemon, waited for a few seconds.
     */
    static Submitted submit(Offline state, UserCommand.Kind kind, String target, String payload) {
        CommandQueue queue = state.commands();
        Optional<Offline.Lock> lock = state.lockUnlessADaemonRuns();
        if (lock.isPresent()) {
            try (Offline.Lock held = lock.get()) {
                long id = queue.request(kind, target, payload);
                queue.done(id, state.userCommandsHere().apply(new UserCommand(id, kind, target, payload)));
                return new Submitted(queue.applied(id), false, id);
            }
        }
        long id = queue.request(kind, target, payload);
        return new Submitted(Optional.ofNullable(awaitDaemon(queue, id)), true, id);
    }

    static String notYetApplied(Messages say) {
        return say.get("not.yet.applied");
    }

    /**
     * Waits, on the monotonic timer rather than the wall clock, until the daemon has applied the
     * request or {@link #DAEMON_ANSWER} has passed; the daemon answers through the database, so the
     * row is read again every {@link #POLL}.
     */
    private static CommandQueue.Applied awaitDaemon(CommandQueue queue, long id) {
        long deadline = System.nanoTime() + DAEMON_ANSWER.toNanos();
        while (true) {
            Optional<CommandQueue.Applied> applied = queue.applied(id);
            if (applied.isPresent()) {
                return applied.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            LockSupport.parkNanos(Math.min(left, POLL.toNanos()));
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
        }
    }

    private static String describe(UserCommand.Kind kind, String target, CommandQueue.Applied applied, Optional<Interview> interview,
                                   Optional<SeenEvent> seen, DateTimeFormatter when, Messages say) {
        String what = interview.map(i -> say.get("override.interview", i.id(), i.summary(), i.contact().displayName(), when.format(i.start())))
                .or(() -> seen.map(s -> say.get("override.event", s.label(), s.summary(), when.format(s.start()))))
                .orElse(target);
        if (kind == UserCommand.Kind.DONE && applied.kind() != InterviewService.Outcome.Kind.REJECTED) {
            String name = interview.map(i -> i.contact().displayName()).orElse(target);
            return say.get(applied.kind() == InterviewService.Outcome.Kind.DUPLICATE ? "done.nothing.planned" : "done.noted", name);
        }
        return switch (applied.kind()) {
            case CREATED, UPDATED -> say.get(UserCommand.isSeenEvent(target) ? "track.event" : "track.interview", what, target,
                    interview.map(Interview::id).orElse(0L));
            case IGNORED -> interview.isPresent() ? say.get("ignore.interview", what, interview.get().id()) : say.get("ignore.event", what, target);
            case DUPLICATE -> say.get(kind == UserCommand.Kind.TRACK ? "track.already" : "ignore.already", what);
            default -> say.get("override.impossible", what, applied.detail());
        };
    }
}
