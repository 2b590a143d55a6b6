package org.rebond.schedule;

import org.rebond.interview.Action;
import org.rebond.interview.ActionRunner;

/** Told of every firing and its outcome (logs, the demo's narration). */
@FunctionalInterface
public interface ActionListener {

    void fired(long interviewId, Action action, ActionRunner.Result result);
}
