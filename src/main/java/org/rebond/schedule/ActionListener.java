package org.rebond.schedule;

import org.rebond.domain.Action;
import org.rebond.application.ActionRunner;

/** Told of every firing and its outcome (logs, the demo's narration). */
@FunctionalInterface
public interface ActionListener {

    void fired(long interviewId, Action action, ActionRunner.Result result);
}
