package org.rebond.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.rebond.application.ActionListener;
import org.rebond.application.ActionRunner;

/** Gives Quartz jobs bound to the runner, instead of letting Quartz instantiate them bare. */
public final class ActionJobFactory {

    private final ActionRunner runner;
    private final ActionListener listener;

    public ActionJobFactory(ActionRunner runner, ActionListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    JobFactory bind(QuartzActionScheduler scheduler) {
        return (TriggerFiredBundle bundle, Scheduler quartz) -> {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            if (type != ActionJob.class) {
                throw new SchedulerException("unknown job class " + type.getName());
            }
            return new ActionJob(runner, scheduler, listener);
        };
    }
}
