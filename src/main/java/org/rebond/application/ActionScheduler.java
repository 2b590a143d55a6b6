package org.rebond.application;

import org.rebond.domain.PlannedAction;

/** Holds one pending trigger per (interview, action); firing calls {@link ActionRunner#run}. */
public interface ActionScheduler {

    /** Creates or moves the trigger of this (interview, action). */
    void schedule(long interviewId, PlannedAction planned);

    /** Creates or moves the triggers of several actions of one interview, at once where the scheduler can. */
    default void scheduleAll(long interviewId, java.util.List<PlannedAction> planned) {
        planned.forEach(p -> schedule(interviewId, p));
    }

    /** Removes every pending trigger of an interview. */
    void cancelAll(long interviewId);
}
