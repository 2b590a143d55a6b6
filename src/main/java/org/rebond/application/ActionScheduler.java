package org.rebond.application;

import java.util.List;
import org.rebond.domain.PlannedAction;

/** Holds one pending trigger per (interview, action); firing calls {@link ActionRunner#run}. */
public interface ActionScheduler {

    /** Creates or moves the trigger of this (interview, action). */
    void schedule(long interviewId, PlannedAction planned);

    /** Creates or moves the triggers of several actions of one interview, at once where the scheduler can. */
    default void scheduleAll(long interviewId, List<PlannedAction> planned) {
        planned.forEach(p -> schedule(interviewId, p));
    }

    /** Removes every pending trigger of an interview. */
    void cancelAll(long interviewId);

    /** Starts firing what is due. Called once the plan was rebuilt and the mailbox read through. */
    default void start() {
    }

    /** Stops firing; waits for the actions running when {@code waitForRunning} (a clean stop). */
    default void stop(boolean waitForRunning) {
    }
}
