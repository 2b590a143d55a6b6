package org.rebond.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.rebond.Offline;
import org.rebond.application.CommandQueue;
import org.rebond.application.InterviewService;
import org.rebond.application.UserCommands;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;
import org.rebond.domain.UserCommand;

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

    static int run(UserCommand.Kind kind, String typed, Path config, PrintWriter out, Clock clock) {
        String target = UserCommand.normalTarget(typed).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.USAGE,
                "'" + typed + "' is neither an interview number (7) nor an event seen but not taken (e3); 'rebond status' shows both"));
        RebondConfig loaded = new ConfigLoader().load(config);
        boolean fr = loaded.profile().language().getLanguage().equals("fr");
        try (Offline state = Offline.open(loaded, clock)) {
            long number = UserCommand.number(target);
            boolean known = UserCommand.isSeenEvent(target) ? state.store().seenById(number).isPresent() : state.store().byId(number).isPresent();
            if (!known) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, UserCommand.isSeenEvent(target)
                        ? (fr ? "aucun événement " + target + " — 'rebond status --config " + config + "' liste les événements vus mais non retenus"
                              : "no event " + target + " — 'rebond status --config " + config + "' lists the events seen but not taken")
                        : (fr ? "aucun entretien #" + number + " — 'rebond status --config " + config + "' les liste"
                              : "no interview #" + number + " — 'rebond status --config " + config + "' lists them"));
            }
            Submitted submitted = submit(state, kind, target, "");
            boolean byDaemon = submitted.byDaemon();
            if (submitted.applied().isEmpty()) {
                out.println(notYetApplied(fr));
                return ExitCodes.OK;
            }
            CommandQueue.Applied applied = submitted.applied().get();
            Optional<Interview> interview = applied.interviewId() == 0 ? Optional.empty() : state.store().byId(applied.interviewId());
            Optional<SeenEvent> seen = UserCommand.isSeenEvent(target) ? state.store().seenById(number) : Optional.empty();
            DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", loaded.profile().language())
                    .withZone(loaded.profile().timeZone());
            String message = describe(kind, target, applied, interview, seen, when, fr);
            if (applied.kind() == InterviewService.Outcome.Kind.REJECTED) {
                throw new ExitCodes.CommandFailure(ExitCodes.DATA, message);
            }
            out.println(message);
            if (byDaemon) {
                out.println(fr ? "(appliqué par le rebond en cours d'exécution)" : "(applied by the running rebond)");
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

    static String notYetApplied(boolean fr) {
        return fr ? "Demande transmise au rebond en cours d'exécution, qui ne l'a pas encore appliquée ; vérifiez avec 'rebond status' dans une minute."
                : "Asked the running rebond; it has not applied the request yet. Check with 'rebond status' in a minute.";
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
                                   Optional<SeenEvent> seen, DateTimeFormatter when, boolean fr) {
        String what = interview.map(i -> "#" + i.id() + " \"" + i.summary() + "\" " + (fr ? "avec " : "with ") + i.contact().displayName()
                        + ", " + when.format(i.start()))
                .or(() -> seen.map(s -> s.label() + " \"" + s.summary() + "\", " + when.format(s.start())))
                .orElse(target);
        String whatFr = interview.map(i -> "#" + i.id() + " « " + i.summary() + " » avec " + i.contact().displayName() + ", " + when.format(i.start()))
                .or(() -> seen.map(s -> s.label() + " « " + s.summary() + " », " + when.format(s.start())))
                .orElse(target);
        if (kind == UserCommand.Kind.DONE && applied.kind() != InterviewService.Outcome.Kind.REJECTED) {
            String name = interview.map(i -> i.contact().displayName()).orElse(target);
            return applied.kind() == InterviewService.Outcome.Kind.DUPLICATE
                    ? (fr ? "Aucune nouvelle n'était prévue pour " + name + " ; rien n'a changé." : "No update was planned for " + name + "; nothing changed.")
                    : (fr ? "C'est noté : plus de brouillon « pour vous tenir au courant » pour " + name + " ; 'rebond status' le rappelle."
                          : "Noted: no more keeping-you-posted drafts for " + name + "; 'rebond status' says so.");
        }
        return switch (applied.kind()) {
            case CREATED, UPDATED -> fr
                    ? "Entretien suivi : " + whatFr + (UserCommand.isSeenEvent(target) ? " (depuis " + target + ")" : "")
                            + ". Sa fiche, la demande de notes et les brouillons sont prévus ; 'rebond ignore " + interview.map(i -> i.id()).orElse(0L)
                            + "' l'annule."
                    : "Now following interview " + what + (UserCommand.isSeenEvent(target) ? " (from " + target + ")" : "")
                            + ". Its brief, debrief prompt and drafts are planned; 'rebond ignore " + interview.map(i -> i.id()).orElse(0L)
                            + "' undoes it.";
            case IGNORED -> interview.isPresent()
                    ? (fr ? "Entretien ignoré : " + whatFr + ". Ses actions en attente sont retirées et ses mises à jour ne le feront pas revenir ; "
                            + "'rebond track " + interview.get().id() + "' le suit de nouveau."
                          : "Interview " + what + " is now ignored: its pending actions are removed and later updates of the invitation "
                            + "will not bring it back; 'rebond track " + interview.get().id() + "' follows it again.")
                    : (fr ? "Événement ignoré : " + whatFr + ". rebond ne le retiendra plus, même mis à jour ; 'rebond track " + target + "' le suit malgré tout."
                          : "Event " + what + " is ignored: rebond will not take it, even when it is updated; 'rebond track " + target
                            + "' follows it after all.");
            case DUPLICATE -> kind == UserCommand.Kind.TRACK
                    ? (fr ? "Déjà suivi : " + whatFr + " ; rien n'a changé." : "Already followed: " + what + "; nothing changed.")
                    : (fr ? "Déjà ignoré : " + whatFr + " ; rien n'a changé." : "Already ignored: " + what + "; nothing changed.");
            default -> (fr ? "Impossible pour " + whatFr + " : " : "Cannot do it for " + what + ": ") + applied.detail();
        };
    }
}
