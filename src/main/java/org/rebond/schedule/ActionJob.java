package org.rebond.schedule;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.rebond.application.ActionListener;
import org.rebond.application.ActionRunner;
import org.rebond.domain.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one (interview, action) when its trigger fires. Never two at once for the same pair, so the
 * token search and the APPEND cannot race (DESIGN I2).
 */
@DisallowConcurrentExecution
public final class ActionJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ActionJob.class);
    private static final Duration AFTER_AN_ERROR = Duration.ofMinutes(5);

    private final ActionRunner runner;
    private final QuartzActionScheduler scheduler;
    private final ActionListener listener;

    ActionJob(ActionRunner runner, QuartzActionScheduler scheduler, ActionListener listener) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        long interviewId = Long.parseLong(data.getString(QuartzActionScheduler.INTERVIEW_ID));
        Action action = Action.fromKey(data.getString(QuartzActionScheduler.ACTION));
        ActionRunner.Result result;
        try {
            result = runner.run(interviewId, action);
        } catch (RuntimeException e) {
            log.error("{} of interview {} failed: {}; trying again in {} minutes", action.label(), interviewId, e.getMessage(),
                    AFTER_AN_ERROR.toMinutes(), e);
            // On the domain clock, like every instant given to the scheduler: the system clock's now would be
            // translated into the past when the two clocks differ, and the job would refire at once.
            result = new ActionRunner.Result(ActionRunner.Result.Kind.RETRY, scheduler.now().plus(AFTER_AN_ERROR), String.valueOf(e.getMessage()));
        }
        listener.fired(interviewId, action, result);
        if (result.retryAt() != null) {
            try {
                scheduler.retry(context.getJobDetail().getKey(), action.key(), result.retryAt());
            } catch (SchedulerException e) {
                throw new JobExecutionException("cannot reschedule " + action.label() + " of interview " + interviewId, e);
            }
        }
    }
}
