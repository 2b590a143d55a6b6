package org.rebond.application;

import java.util.Optional;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.UserCommand;

/**
 * Applies the user's overrides of detection ({@code rebond track}, {@code rebond ignore}), the end of
 * the updates to a contact ({@code rebond done}), the notes
 * given with {@code rebond notes} (read by the same parser and recorded by the same use case as a
 * reply to the debrief prompt), and the re-plans they owe.
 *
 * <p>Why a queue rather than the command scheduling into Quartz's tables itself: the daemon's
 * Quartz is a non-clustered JobStoreTX, and Quartz documents that no other instance may use the same
 * QRTZ_ tables while a non-clustered one runs. A second scheduler started by the command would, on
 * start, take the daemon's ACQUIRED triggers for leftovers of its own crash and recover them (a
 * double firing); even one that is never started writes triggers the daemon's scheduler thread does
 * not hear of (its wake-up signal is in-JVM only), so they would fire late, and a misfire scan would
 * then treat them by its own rules. So only the process holding the instance lock ever touches
 * triggers: the daemon drains this queue every few seconds (and once at start, before re-planning),
 * and a command run while no daemon runs takes the instance lock, changes the rows itself and leaves
 * a REPLAN request that the daemon applies when it starts.
 */
public final class UserCommands {

    private final InterviewService service;
    private final InterviewStore store;
    private final CommandQueue queue;
    private final NotesParser notesParser = new NotesParser();
    private final KeepPostedStop keepPostedStop;

    public UserCommands(InterviewService service, InterviewStore store, CommandQueue queue) {
        this(service, store, queue, null);
    }

    /** {@code keepPostedStop}: what {@code rebond done} does (null: DONE requests are rejected). */
    public UserCommands(InterviewService service, InterviewStore store, CommandQueue queue, KeepPostedStop keepPostedStop) {
        this.service = service;
        this.store = store;
        this.queue = queue;
        this.keepPostedStop = keepPostedStop;
    }

    /** The source a NOTES request's notes are recorded under: one per request, so that applying it twice adds nothing. */
    public static String notesSource(long requestId) {
        return "rebond notes " + requestId;
    }

    /** Applies every waiting request; returns how many. One failing request is recorded and does not block the others. */
    public int drain() {
        int count = 0;
        for (UserCommand command : queue.open()) {
            InterviewService.Outcome outcome;
            try {
                outcome = apply(command);
            } catch (RuntimeException e) {
                outcome = new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, null,
                        "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            queue.done(command.id(), outcome);
            count++;
        }
        return count;
    }

    public InterviewService.Outcome apply(UserCommand command) {
        long number = UserCommand.number(command.target());
        if (command.kind() == UserCommand.Kind.REPLAN) {
            service.replan(number);
            return new InterviewService.Outcome(InterviewService.Outcome.Kind.UPDATED, store.byId(number).orElse(null), "re-planned");
        }
        if (command.kind() == UserCommand.Kind.NOTES) {
            return notes(command, number);
        }
        if (command.seenEvent() && command.kind() == UserCommand.Kind.DONE) {
            return new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, null, "no interview #" + command.target());
        }
        if (command.seenEvent()) {
            return command.kind() == UserCommand.Kind.TRACK ? service.track(number) : service.ignoreSeen(number);
        }
        Optional<Interview> interview = store.byId(number);
        if (interview.isEmpty()) {
            return new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, null, "no interview #" + number);
        }
        if (command.kind() == UserCommand.Kind.DONE) {
            return keepPostedStop == null ? new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, interview.get(), "not available here")
                    : keepPostedStop.stop(interview.get());
        }
        return command.kind() == UserCommand.Kind.TRACK ? service.track(interview.get()) : service.ignore(interview.get());
    }

    private InterviewService.Outcome notes(UserCommand command, long number) {
        Optional<Interview> interview = command.seenEvent() ? Optional.empty() : store.byId(number);
        if (interview.isEmpty()) {
            return new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, null, "no interview #" + number);
        }
        DebriefNotes notes = notesParser.parse(command.payload());
        if (notes.isEmpty()) {
            return new InterviewService.Outcome(InterviewService.Outcome.Kind.REJECTED, interview.get(), "no notes found in the text");
        }
        return service.recordNotes(interview.get(), notes, notesSource(command.id()));
    }
}
