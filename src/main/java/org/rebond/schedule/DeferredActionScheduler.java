package org.rebond.schedule;

import org.rebond.application.ActionScheduler;
import org.rebond.application.CommandQueue;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.UserCommand;

/**
 * The scheduler of a command run while the daemon is stopped: it does not touch the QRTZ_ tables
 * (see {@link org.rebond.application.UserCommands} for why) but leaves a REPLAN request per interview,
 * which the daemon applies (remove the interview's triggers, plan it again) when it starts.
 */
public final class DeferredActionScheduler implements ActionScheduler {

    private final CommandQueue queue;

    public DeferredActionScheduler(CommandQueue queue) {
        this.queue = queue;
    }

    @Override
    public void schedule(long interviewId, PlannedAction planned) {
        queue.request(UserCommand.Kind.REPLAN, Long.toString(interviewId));
    }

    @Override
    public void cancelAll(long interviewId) {
        queue.request(UserCommand.Kind.REPLAN, Long.toString(interviewId));
    }
}
