package org.rebond;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.rebond.application.ActionListener;
import org.rebond.application.ActionRunner;
import org.rebond.application.CommandQueue;
import org.rebond.application.ContactActivities;
import org.rebond.application.KeepPostedStop;
import org.rebond.application.Outbox;
import org.rebond.application.UserWroteFirst;
import org.rebond.application.KeepPostedNews;
import org.rebond.application.ActionScheduler;
import org.rebond.application.InterviewService;
import org.rebond.application.InterviewStore;
import org.rebond.application.InvitationTriage;
import org.rebond.application.MailDrop;
import org.rebond.application.MessageArrivals;
import org.rebond.application.MessageHistory;
import org.rebond.application.UserCommands;
import org.rebond.calendar.Ical4jSetup;
import org.rebond.calendar.IcalCalendarReader;
import org.rebond.compose.TemplateComposer;
import org.rebond.compose.Templates;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretReader;
import org.rebond.domain.Action;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.HumanHours;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.mail.ImapConnector;
import org.rebond.mail.ImapMailDrop;
import org.rebond.mail.MailStreams;
import org.rebond.mail.MailboxWatcher;
import org.rebond.mail.MessageIntake;
import org.rebond.mail.MimeWriter;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.InstanceLock;
import org.rebond.store.SqlAccountLeases;
import org.rebond.store.SqlCommandQueue;
import org.rebond.store.SqlFolderCursors;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlNewsStore;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.rebond.store.SqlUidValidityChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The composition root: configuration in, a running daemon out. It is the only place that wires
 * adapters to the domain, and the only one that makes the system clock ({@link #systemClock()}).
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** A wall-clock jump larger than this re-plans every trigger (BAD-INPUTS B61). */
    private static final Duration CLOCK_JUMP = Duration.ofMinutes(2);
    /** How often the daemon applies what `rebond track` / `rebond ignore` asked (see UserCommands). */
    private static final Duration COMMAND_CHECK = Duration.ofSeconds(2);

    /**
     * What differs between production, the demo and the tests.
     *
     * @param clock          the clock the plan is computed with
     * @param schedulerClock Quartz's time base: the system clock
     * @param mailDrop       what the daemon appends through, made from the IMAP one: itself in
     *                       production; tests put one around it that stops dead before or after
     *                       an append, to prove that restarts are free
     * @param actions        told of each action fired
     * @param intake         told of each invitation taken
     * @param idleRenewal    how long one IDLE lasts before it is re-entered (well inside 29 minutes)
     * @param schedulers     what holds and fires the pending actions: Quartz ({@link #QUARTZ}); tests
     *                       that step time give a driver of their own
     */
    public record Options(Clock clock, Clock schedulerClock, UnaryOperator<MailDrop> mailDrop, ActionListener actions,
                          MessageArrivals.Listener intake, Duration idleRenewal, Schedulers schedulers) {

        public static Options production(Clock systemClock) {
            return new Options(systemClock, systemClock, UnaryOperator.identity(), (id, action, result) -> { },
                    MessageArrivals.Listener.NONE, Duration.ofMinutes(9), QUARTZ);
        }

        public Options withListeners(ActionListener newActions, MessageArrivals.Listener newIntake) {
            return new Options(clock, schedulerClock, mailDrop, newActions, newIntake, idleRenewal, schedulers);
        }
    }

    /** Makes the scheduler of the pending actions, which fires each through {@code runner} and tells {@code listener}. */
    @FunctionalInterface
    public interface Schedulers {
        /**
         * @param clustered the database is shared by the nodes of a cluster (PostgreSQL)
         * @param name      the scheduler's name: "rebond", or "rebond-ACCOUNT" for one account among several
         */
        ActionScheduler make(DataSource dataSource, ActionRunner runner, ActionListener listener, Clock clock, Clock schedulerClock,
                             boolean clustered, String name);
    }

    /** Quartz's JDBC job store in the database, two actions at most at once, clustered on PostgreSQL. */
    public static final Schedulers QUARTZ = (dataSource, runner, listener, clock, schedulerClock, clustered, name) ->
            new QuartzActionScheduler(dataSource, new ActionJobFactory(runner, listener), clock, schedulerClock, 2, clustered, name);

    private final RebondConfig config;
    /** The account's name when this daemon is one of several in the process ({@link Host}); null when alone. */
    private final String account;
    private final Database database;
    private final InstanceLock lock;
    /** The lease of the mailbox on a shared PostgreSQL database; null on SQLite. */
    private final AccountFollower follower;
    private final SqlInterviewStore store;
    private final SqlNewsStore news;
    private final SqlOutbox outbox;
    private final SqlQuarantine quarantine;
    private final ActionScheduler scheduler;
    /** How long actions wait for the mailbox's first pass before they fire anyway. */
    static final Duration FIRST_PASS_WAIT = Duration.ofMinutes(10);
    private final Object actionsStart = new Object();
    private boolean closed;
    private final InterviewService interviews;
    private final MailboxWatcher watcher;
    private final TemplateComposer composer;
    private final ScheduledExecutorService clockWatch;
    private final Clock clock;
    private final UserCommands userCommands;
    // Calendar sources and the prep calendar (issue 4, items 7-8).
    private final CalendarWiring calendars;
    /** The mailbox connection opened while the daemon was built, for the watcher's first pass. */
    private final ImapConnector.FirstConnection firstConnection;
    private final ScheduledExecutorService calendarExecutor;

    /**
     * An account among several that a {@link Host} follows in this process.
     *
     * @param account       its name in the host file
     * @param node          the host's node name, under which its lease is held
     * @param writeTimeouts the timer of the IMAP writes, shared by the host's accounts
     */
    record Hosted(String account, String node, ScheduledExecutorService writeTimeouts) {}

    private App(RebondConfig config, Options options, Hosted hosted) {
        this.config = config;
        this.account = hosted == null ? null : hosted.account();
        this.clock = options.clock();
        // The mailbox's first connection is made, and its folders opened once, on a thread of its
        // own while the rest is built (see ImapConnector#connectAhead).
        ImapConnector connector = new ImapConnector(config.mailbox(), passwordOf(config.mailbox()),
                hosted == null ? null : hosted.writeTimeouts());
        this.firstConnection = connector.connectAhead();
        Ical4jSetup.configureOnce();
        MailStreams.pinProvider();
        Templates templates = new Templates(config.templates().directory(), null);
        try {
            this.database = StateDatabase.open(config.storage());
        } catch (RuntimeException e) {
            firstConnection.discard();
            throw e;
        }
        InstanceLock acquired;
        try {
            acquired = InstanceLock.acquire(config.storage().database(), InstanceLock.Holder.thisProcess(clock.instant(), InstanceLock.DAEMON));
        } catch (RuntimeException e) {
            firstConnection.discard();
            database.close();
            throw e;
        }
        this.lock = acquired;
        // On a shared PostgreSQL database, the mailbox is followed by one node at a time (docs/scale.md).
        // An account of several holds this lease in its own schema too, beside the host's: the
        // commands run on any machine read it to know that a daemon follows the account.
        this.follower = config.storage().postgresql()
                ? new AccountFollower(new SqlAccountLeases(database, options.schedulerClock()), config.mailbox().account(),
                        hosted == null ? Host.nodeName() : hosted.node()) : null;
        try {
            if (follower != null) {
                follower.take();
            }
        } catch (RuntimeException e) {
            firstConnection.discard();
            lock.close();
            database.close();
            throw e;
        }
        RebondConfig.Profile profile = config.profile();
        Set<String> userAddresses = Offline.userAddresses(config);

        this.store = new SqlInterviewStore(database, clock);
        this.outbox = new SqlOutbox(database);
        this.quarantine = new SqlQuarantine(database, clock);
        SqlMessageHistory history = new SqlMessageHistory(database, userAddresses);
        Policy policy = policyOf(config);
        Planner planner = new Planner(policy);
        NotesParser notesParser = new NotesParser();
        SqlNewsStore newsStore = new SqlNewsStore(database);
        this.news = newsStore;
        this.composer = new TemplateComposer(templates, profile, policy, store, history,
                notesParser, new VocabularyFinder(), config.mailbox().drafts(), clock, newsStore);

        MailDrop drop = options.mailDrop().apply(new ImapMailDrop(connector, new MimeWriter(clock, config.drafts().html())));
        String domain = profile.primaryAddress().substring(profile.primaryAddress().indexOf('@') + 1);
        ActionRunner runner = new ActionRunner(store, outbox, composer, drop, planner, clock, domain,
                new UserWroteFirst(history, profile::isUser), new KeepPostedNews(store, newsStore, planner, profile.timeZone()),
                new ContactActivities(store, outbox, history, profile::isUser, clock));
        ActionListener logged = (id, action, result) -> {
            log.info("{} of interview {}: {} {}", action.label(), id, result.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    result.detail());
            options.actions().fired(id, action, result);
            afterAction(id, action, result);
        };
        this.scheduler = options.schedulers().make(database.dataSource(), runner, logged, clock, options.schedulerClock(),
                config.storage().postgresql(), account == null ? "rebond" : "rebond-" + account);

        this.interviews = interviewService(config, store, outbox, scheduler, history, clock);
        this.userCommands = userCommands(config, interviews, store, outbox, new SqlCommandQueue(database, clock), clock);
        InvitationTriage triage = new InvitationTriage(new IcalCalendarReader(config.limits()), detector(config, store::isSuggestedContact));
        MessageArrivals arrivals = new MessageArrivals(interviews, store, history, quarantine, database, triage, notesParser,
                profile.language(), options.intake());
        MessageIntake intake = new MessageIntake(profile, config.limits(), arrivals, store, outbox, quarantine);
        this.watcher = new MailboxWatcher(connector, new SqlFolderCursors(database, clock), history, intake, options.idleRenewal(),
                new SqlMailboxState(database, options.schedulerClock()), new SqlUidValidityChanges(database, clock));
        this.calendars = CalendarWiring.wire(config, database, interviews, quarantine, store, outbox, composer, clock);
        this.calendarExecutor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, threadName("rebond-calendar"));
            t.setDaemon(true);
            return t;
        });
        this.clockWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName("rebond-clock-watch"));
            t.setDaemon(true);
            return t;
        });
    }

    private String threadName(String base) {
        return account == null ? base : base + "-" + account;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /** Builds and starts the daemon: plan rebuilt from the store, triggers firing, mailbox followed. */
    public static App start(RebondConfig config, Options options) {
        return start(config, options, null);
    }

    /**
     * Starts the daemon of an account, one of several a {@link Host} runs in this process
     * ({@code hosted}; null for the only one): the host holds its lease, and gives memory back for all.
     */
    static App start(RebondConfig config, Options options, Hosted hosted) {
        long begun = System.nanoTime();
        App app = new App(config, options, hosted);
        try {
            long built = System.nanoTime();
            app.userCommands.drain();
            int replanned = app.replanAll();
            long planned = System.nanoTime();
            app.watcher.start(app.firstConnection);
            app.startActionsAfterFirstPass();
            app.calendars.start(app.calendarExecutor);
            app.watchClock();
            app.watchCommands();
            if (app.follower != null) {
                app.follower.keepRenewing(app.clockWatch, app.watcher::close);
            }
            log.info("rebond started for {} ({} interviews followed, database {}; opened in {} s, plans made again in {} s)",
                    config.profile().primaryAddress(), replanned, StateDatabase.where(config.storage()), seconds(built - begun), seconds(planned - built));
            return app;
        } catch (RuntimeException e) {
            app.firstConnection.discard();
            app.close();
            throw e;
        }
    }

    /**
     * Actions fire only once the mailbox has been read through once (or after
     * {@link #FIRST_PASS_WAIT} if it cannot be): a brief or a thank-you composed while a first scan
     * is still writing the history would miss what it has not read yet (the user's own replies in
     * Sent, the last message to thread under), and would take the processor from the scan.
     */
    private void startActionsAfterFirstPass() {
        watcher.firstPass().orTimeout(FIRST_PASS_WAIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, late) -> {
            synchronized (actionsStart) {
                if (closed) {
                    return;
                }
                if (late != null) {
                    log.warn("the mailbox could not be read through within {} min; pending actions fire anyway", FIRST_PASS_WAIT.toMinutes());
                } else {
                    log.info("mailbox read through; pending actions fire from now on");
                }
                scheduler.start();
                if (account != null) {
                    return;
                }
                new IdleMemory(database::releaseMemory, IdleMemory::shrinkingCollection, Runtime.getRuntime()::totalMemory).afterFirstPass(clockWatch);
            }
        });
    }

    private void afterAction(long interviewId, Action action, ActionRunner.Result result) {
        if (action.kind() == Action.Kind.BRIEF && result.kind() == ActionRunner.Result.Kind.DELIVERED
                && calendars != null) {
            calendars.briefDelivered(calendarExecutor, interviewId);
        }
    }

    private void watchClock() {
        long startNanos = System.nanoTime();
        Instant startWall = clock.instant();
        long[] lastNanos = {startNanos};
        Instant[] lastWall = {startWall};
        clockWatch.scheduleWithFixedDelay(() -> {
            long nanos = System.nanoTime();
            Instant wall = clock.instant();
            Duration monotonic = Duration.ofNanos(nanos - lastNanos[0]);
            Duration drift = Duration.between(lastWall[0], wall).minus(monotonic).abs();
            lastNanos[0] = nanos;
            lastWall[0] = wall;
            if (drift.compareTo(CLOCK_JUMP) > 0) {
                log.warn("the wall clock jumped by about {} s; re-planning every pending action", drift.toSeconds());
                clockChanged();
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    private void watchCommands() {
        clockWatch.scheduleWithFixedDelay(() -> {
            try {
                int applied = userCommands.drain();
                if (applied > 0) {
                    log.info("applied {} request(s) from the command line", applied);
                }
            } catch (RuntimeException e) {
                log.error("applying the command line's requests failed: {}", e.getMessage(), e);
            }
        }, COMMAND_CHECK.toMillis(), COMMAND_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Re-plans every interview in one transaction that does not wait for the disk: one commit
     * instead of two per interview with actions to come (a mailbox of a million messages holds
     * some two thousand interviews); a power cut loses only a plan that the next start makes again.
     */
    private int replanAll() {
        int[] replanned = {0};
        interviews.exclusively(() -> database.inOneTransaction(() -> replanned[0] = interviews.replanAll()));
        return replanned[0];
    }

    /** Re-plans every pending trigger against the clock (after a jump, or when a test steps its clock). */
    public void clockChanged() {
        try {
            replanAll();
        } catch (RuntimeException e) {
            log.error("re-planning after a clock change failed: {}", e.getMessage(), e);
        }
    }

    /** The interview service over {@code store}, with the detection rules and the plan the configuration gives. */
    static InterviewService interviewService(RebondConfig config, InterviewStore store, Outbox outbox, ActionScheduler scheduler,
                                             MessageHistory history, Clock clock) {
        return new InterviewService(store, scheduler, detector(config, store::isSuggestedContact), history,
                new Planner(policyOf(config)), config.profile().timeZone(), clock,
                new ContactActivities(store, outbox, history, config.profile()::isUser, clock));
    }

    /** The user's commands applied by {@code interviews}, {@code rebond done} included. */
    static UserCommands userCommands(RebondConfig config, InterviewService interviews, InterviewStore store, Outbox outbox, CommandQueue queue,
                                     Clock clock) {
        return new UserCommands(interviews, store, queue, new KeepPostedStop(interviews, store, outbox, new Planner(policyOf(config)), clock));
    }

    /**
     * The detector invitations are judged with: the built-in rules plus the configuration's words,
     * the user's own addresses (never the contact), and {@code knownContact} for the people suggested
     * in earlier debriefs. The daemon and {@code rebond inspect --config} both make theirs here.
     */
    public static InterviewDetector detector(RebondConfig config, Predicate<String> knownContact) {
        RebondConfig.Detection d = config.detection();
        DetectionRules rules = DetectionRules.defaults().plus(d.marker(), d.includeWords(), d.excludeWords(), d.categories());
        return new InterviewDetector(rules, Offline.userAddresses(config), knownContact);
    }

    /** The system clock: made here once per process and handed to everything that reads the time. */
    public static Clock systemClock() {
        return Clock.systemUTC();
    }

    /** The plan's rules from {@code schedule:}, with the human hours read in {@code profile.time_zone}. */
    public static Policy policyOf(RebondConfig config) {
        RebondConfig.Schedule s = config.schedule();
        HumanHours hours = new HumanHours(true, s.thankYouNotAfter(), s.lateEndAfter(), s.nextMorningAt());
        return new Policy(s.briefBefore(), s.prepDuration(), s.debriefAfterEnd(), s.thankYouAfterEnd(), List.copyOf(s.keepPostedAfterEnd()),
                s.prepReminder(), config.profile().timeZone(), s.humanHours() ? hours : hours.off())
                .withCadence(s.newsAfterReferralMet(), s.pauseAfterUnanswered());
    }

    /** The password, read afresh at each connection so a rotated secret is picked up; never logged. */
    public static Supplier<String> passwordOf(RebondConfig.Mailbox mailbox) {
        return passwordOf(mailbox, new SecretReader());
    }

    /** As {@link #passwordOf(RebondConfig.Mailbox)}, read by {@code reader}. */
    public static Supplier<String> passwordOf(RebondConfig.Mailbox mailbox, SecretReader reader) {
        if (mailbox.password() == null) {
            return () -> "";
        }
        return () -> {
            char[] secret = reader.read(mailbox.password());
            try {
                return new String(secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        };
    }

    public RebondConfig config() {
        return config;
    }

    public SqlInterviewStore store() {
        return store;
    }

    /** The user's milestones and what the keeping-you-posted drafts told. */
    public SqlNewsStore news() {
        return news;
    }

    public SqlOutbox outbox() {
        return outbox;
    }

    public SqlQuarantine quarantine() {
        return quarantine;
    }

    public MailboxWatcher watcher() {
        return watcher;
    }

    /** Closes the idle database connections and their caches (see {@link IdleMemory}). */
    void releaseMemory() {
        database.releaseMemory();
    }

    /** Stops cleanly: no new mail read, running actions finished, database closed (B66). */
    @Override
    public void close() {
        synchronized (actionsStart) {
            closed = true;
        }
        clockWatch.shutdownNow();
        stopCalendars();
        watcher.close();
        scheduler.stop(true);
        if (follower != null) {
            follower.release();
        }
        lock.close();
        database.close();
        log.info(account == null ? "rebond stopped" : "stopped following the account " + account);
    }

    private void stopCalendars() {
        calendarExecutor.shutdownNow();
        try {
            if (!calendarExecutor.awaitTermination(35, TimeUnit.SECONDS)) {
                log.warn("a calendar sync did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
