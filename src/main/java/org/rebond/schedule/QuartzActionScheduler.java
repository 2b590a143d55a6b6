package org.rebond.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.Constants;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.rebond.application.ActionScheduler;
import org.rebond.domain.Action;
import org.rebond.domain.PlannedAction;

/**
 * One Quartz one-shot trigger per (interview, action), in the JDBC job store inside rebond's own
 * database, SQLite or PostgreSQL (JobStoreTX, PostgreSQL delegate, row-update locks: see
 * STACK-NOTES), clustered on PostgreSQL. Triggers fire
 * at instants, never cron (DESIGN I6). What is due is decided by the domain with its injected
 * clock; Quartz only fires.
 */
public final class QuartzActionScheduler implements ActionScheduler, AutoCloseable {

    static final String INTERVIEW_ID = "interviewId";
    static final String ACTION = "action";
    static final String DUE = "due";
    /** How often each node of a cluster tells the others it is alive. */
    static final long CLUSTER_CHECKIN_MS = 7_500;

    private final Scheduler scheduler;
    private final DataSource dataSource;
    private final String name;
    private final Clock domainClock;
    private final Clock schedulerClock;

    /**
     * @param dataSource     the database holding the QRTZ_ tables
     * @param jobs           creates the job that runs a fired action
     * @param domainClock    the clock the plan is computed with
     * @param schedulerClock Quartz's own time base (the system clock); when it is a different clock
     *                       from {@code domainClock} (tests that step time), due instants are
     *                       translated by the difference between the two
     * @param workerThreads  how many actions may run at once
     */
    public QuartzActionScheduler(DataSource dataSource, ActionJobFactory jobs, Clock domainClock, Clock schedulerClock, int workerThreads) {
        this(dataSource, jobs, domainClock, schedulerClock, workerThreads, false);
    }

    /**
     * As above; {@code clustered}: the job store is shared by the nodes of a cluster (PostgreSQL):
     * each node is a Quartz instance of its own ({@code instanceId AUTO}), checking in every
     * {@value #CLUSTER_CHECKIN_MS} ms, a trigger fires on one node only, and the triggers a node
     * that stopped checking in was firing are fired again by another.
     */
    public QuartzActionScheduler(DataSource dataSource, ActionJobFactory jobs, Clock domainClock, Clock schedulerClock, int workerThreads,
                                 boolean clustered) {
        this(dataSource, jobs, domainClock, schedulerClock, workerThreads, clustered, "rebond");
    }

    /**
     * As above, named {@code name}: the scheduler of one account among several in a process (Quartz
     * keeps one scheduler per name in a process; the name is stored with the triggers, so it must
     * not change between runs).
     */
    public QuartzActionScheduler(DataSource dataSource, ActionJobFactory jobs, Clock domainClock, Clock schedulerClock, int workerThreads,
                                 boolean clustered, String name) {
        this.dataSource = dataSource;
        this.name = name;
        this.domainClock = domainClock;
        this.schedulerClock = schedulerClock;
        String dataSourceName = "rebond-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new StoreConnections(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.instanceId", clustered ? "AUTO" : "NON_CLUSTERED");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(workerThreads));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-action");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.lockHandler.class", "org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
        if (clustered) {
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CLUSTER_CHECKIN_MS));
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        }
        createLockRows(dataSource, name);
        try {
            this.scheduler = new StdSchedulerFactory(p).getScheduler();
            this.scheduler.setJobFactory(jobs.bind(this));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * The rows Quartz's row locks update, made beforehand: left to Quartz, the first two threads
     * that need one (the scheduler's, a node's check-in, a caller's) may both find it missing and
     * both insert it, and on PostgreSQL the loser's transaction is then aborted, not just its insert.
     */
    private static void createLockRows(DataSource dataSource, String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String lock : List.of("TRIGGER_ACCESS", "STATE_ACCESS")) {
                insert.setString(1, name);
                insert.setString(2, lock);
                insert.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the scheduler's locks: " + e.getMessage(), e);
        }
    }

    /** Starts firing. Call after the plan was rebuilt, so that recovered and missed triggers find it. */
    @Override
    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    @Override
    public void schedule(long interviewId, PlannedAction planned) {
        scheduleAll(interviewId, List.of(planned));
    }

    /**
     * Replaces the jobs of these actions (with any retry trigger they had) by one trigger each, in
     * two transactions whatever their number: each commit waits for the disk, and an interview
     * found in the mail has five actions to plan before it is reported detected. An action whose
     * job already has that one trigger, waiting for the same instant, is left as it is: a start
     * plans every interview again, and most plans have not changed since the last run.
     */
    @Override
    public void scheduleAll(long interviewId, List<PlannedAction> planned) {
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        List<JobKey> keys = new ArrayList<>();
        for (PlannedAction p : planned) {
            JobKey job = jobKey(interviewId, p.action());
            if (alreadyWaiting(job, p.action().key(), toSchedulerTime(p.due()))) {
                continue;
            }
            keys.add(job);
            jobs.put(JobBuilder.newJob(ActionJob.class)
                    .withIdentity(job)
                    .withDescription(p.action().label() + " of interview " + interviewId)
                    .usingJobData(INTERVIEW_ID, Long.toString(interviewId))
                    .usingJobData(ACTION, p.action().key())
                    .usingJobData(DUE, p.due().toString())
                    .requestRecovery(true)
                    .build(), Set.of(trigger(job, p.action().key(), p.due())));
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            scheduler.deleteJobs(keys);
            scheduler.scheduleJobs(jobs, true);
        } catch (SchedulerException e) {
            String what = planned.stream().map(p -> p.action().label()).collect(Collectors.joining(", "));
            throw new IllegalStateException("cannot schedule " + what + " of interview " + interviewId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the job has one trigger only, the action's own (not a retry), waiting to fire at
     * {@code fireAt}, which is still to come. Read in Quartz's table, in one query: through
     * Quartz's API it takes one per trigger and one more for its state.
     */
    private boolean alreadyWaiting(JobKey job, String triggerName, Instant fireAt) {
        if (!fireAt.isAfter(schedulerClock.instant())) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT TRIGGER_NAME, TRIGGER_STATE, NEXT_FIRE_TIME FROM QRTZ_TRIGGERS "
                     + "WHERE SCHED_NAME = ? AND JOB_NAME = ? AND JOB_GROUP = ?")) {
            query.setString(1, name);
            query.setString(2, job.getName());
            query.setString(3, job.getGroup());
            int triggers = 0;
            boolean same = false;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    triggers++;
                    same = triggerName.equals(rs.getString(1)) && Constants.STATE_WAITING.equals(rs.getString(2))
                            && rs.getLong(3) == Date.from(fireAt).getTime();
                }
            }
            return triggers == 1 && same;
        } catch (SQLException e) {
            return false; // planned again, as if it had changed
        }
    }

    /** Fires an action again at {@code at} (it fired early, or its delivery must be retried). */
    void retry(JobKey job, String actionKey, Instant at) throws SchedulerException {
        scheduler.scheduleJob(trigger(job, actionKey + "-" + UUID.randomUUID(), at));
    }

    private Trigger trigger(JobKey job, String name, Instant due) {
        return TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(name, job.getGroup()))
                .forJob(job)
                .startAt(Date.from(toSchedulerTime(due)))
                // A missed one-shot trigger fires at once after start; the job then applies the
                // catch-up rule (STACK-NOTES: other instructions may drop it).
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /** Now on the domain clock, the time base of every instant given to this scheduler. */
    Instant now() {
        return domainClock.instant();
    }

    /**
     * The instant on Quartz's time base. An action already due fires now rather than in the past:
     * a start time older than the misfire threshold would wait for Quartz's misfire scan.
     */
    private Instant toSchedulerTime(Instant due) {
        Instant schedulerNow = schedulerClock.instant();
        Instant fireAt = domainClock == schedulerClock ? due : schedulerNow.plus(Duration.between(domainClock.instant(), due));
        return fireAt.isBefore(schedulerNow) ? schedulerNow : fireAt;
    }

    @Override
    public void cancelAll(long interviewId) {
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group(interviewId)))) {
                scheduler.deleteJob(key);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove the triggers of interview " + interviewId + ": " + e.getMessage(), e);
        }
    }

    static JobKey jobKey(long interviewId, Action action) {
        return JobKey.jobKey(action.key(), group(interviewId));
    }

    private static String group(long interviewId) {
        return "interview-" + interviewId;
    }

    /** Stops firing; waits for running actions when {@code waitForRunning} (a clean SIGTERM). */
    @Override
    public void stop(boolean waitForRunning) {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(waitForRunning);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(true);
    }

    /**
     * The database's connections, lent to Quartz's job store under a name of this scheduler's own.
     * Quartz keeps its providers in a process-wide registry it never empties: when the scheduler
     * shuts down, the provider lets go of the DataSource (which belongs to the Database, and is
     * closed with it), so a stopped scheduler keeps nothing of the database alive.
     */
    private static final class StoreConnections implements ConnectionProvider {
        private volatile DataSource dataSource;

        StoreConnections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            DataSource lent = dataSource;
            if (lent == null) {
                throw new SQLException("the scheduler is shut down");
            }
            return lent.getConnection();
        }

        @Override
        public void shutdown() {
            dataSource = null;
        }

        @Override
        public void initialize() {
            // nothing to set up: the DataSource is the Database's
        }
    }
}
