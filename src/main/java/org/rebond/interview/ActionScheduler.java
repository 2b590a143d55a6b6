package org.rebond.interview;

/** Holds one pending trigger per (interview, action); firing calls {@link ActionRunner#run}. */
public interface ActionScheduler {

    /** Creates or moves the trigger of this (interview, action). */
    void schedule(long interviewId, PlannedAction planned);

    /** Removes every pending trigger of an interview. */
    void cancelAll(long interviewId);
}
