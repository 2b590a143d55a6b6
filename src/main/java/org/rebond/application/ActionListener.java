package org.rebond.application;

import org.rebond.domain.Action;

/** Told of every firing and its outcome (logs, the demo's narration). */
@FunctionalInterface
public interface ActionListener {

    void fired(long interviewId, Action action, ActionRunner.Result result);
}
