package org.rebond.application;

import java.util.List;
import java.util.Optional;
import org.rebond.domain.UserCommand;

/** Where track/ignore/notes requests and owed re-plans wait for the process that holds the instance lock. */
public interface CommandQueue {

    /** Records a request; returns its id. A REPLAN already waiting for the same target is not repeated. */
    default long request(UserCommand.Kind kind, String target) {
        return request(kind, target, "");
    }

    /** Records a request carrying {@code payload} (the notes' text of a NOTES request); returns its id. */
    long request(UserCommand.Kind kind, String target, String payload);

    /** The requests not applied yet, oldest first. */
    List<UserCommand> open();

    /** Records what a request led to. */
    void done(long id, InterviewService.Outcome outcome);

    /** What a request led to, once applied. */
    Optional<Applied> applied(long id);

    /** The outcome of an applied request; {@code interviewId} 0 when none. */
    record Applied(InterviewService.Outcome.Kind kind, long interviewId, String detail) {}
}
