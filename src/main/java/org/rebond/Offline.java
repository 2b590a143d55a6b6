package org.rebond;

import java.nio.file.Files;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rebond.application.CalendarSyncState;
import org.rebond.application.CommandQueue;
import org.rebond.application.ContactActivities;
import org.rebond.application.ContactCircles;
import org.rebond.application.InterviewService;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.InterviewStore;
import org.rebond.application.MailboxStatus;
import org.rebond.application.MessageComposer;
import org.rebond.application.Outbox;
import org.rebond.application.Quarantine;
import org.rebond.application.StoreException;
import org.rebond.application.UidValidityChanges;
import org.rebond.application.UserCommands;
import org.rebond.compose.TemplateComposer;
import org.rebond.compose.Templates;
import org.rebond.config.RebondConfig;
import org.rebond.domain.NotesParser;
import org.rebond.schedule.DeferredActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.InstanceLock;
import org.rebond.store.SqlAccountLeases;
import org.rebond.application.AccountLeases;
import org.rebond.store.SqlCalendarState;
import org.rebond.store.SqlCommandQueue;
import org.rebond.store.SqlContactCircles;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlNewsStore;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.rebond.store.SqlUidValidityChanges;
import org.rebond.vocabulary.VocabularyFinder;

/**
 * The composition for the commands that read or change rebond's state without running the daemon
 * ({@code status}, {@code preview}, {@code track}, {@code ignore}): the database opened, and the
 * same use cases and role interfaces the daemon has, wired the same way.
 */
public final class Offline implements AutoCloseable {

    private final RebondConfig config;
    private final Clock clock;
    private final Database database;
    private final SqlInterviewStore store;
    private final SqlCommandQueue commands;

    private Offline(RebondConfig config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.store = new SqlInterviewStore(database, clock);
        this.commands = new SqlCommandQueue(database, clock);
    }

    /**
     * Opens the database the configuration names.
     *
     * @throws StoreException when there is none yet (rebond never ran with this configuration)
     */
    public static Offline open(RebondConfig config, Clock clock) {
        if (!config.storage().postgresql() && !Files.exists(config.storage().database())) {
            throw new StoreException(null, "store.none", config.storage().database());
        }
        return new Offline(config, clock, StateDatabase.open(config.storage()));
    }

    public InterviewStore store() {
        return store;
    }

    public Outbox outbox() {
        return new SqlOutbox(database);
    }

    /** What happened with each contact since their interview, which the keeping-you-posted drafts follow. */
    public ContactActivities contactActivities() {
        return new ContactActivities(store, outbox(), history(), config.profile()::isUser, clock);
    }

    public Quarantine quarantine() {
        return new SqlQuarantine(database, clock);
    }

    public MailboxStatus mailboxStatus() {
        return new SqlMailboxState(database, clock);
    }

    /** How the last sync of each calendar source went, as the daemon recorded it. */
    public CalendarSyncState calendarState() {
        return new SqlCalendarState(database, clock);
    }

    public UidValidityChanges validityChanges() {
        return new SqlUidValidityChanges(database, clock);
    }

    /** The circles contacts came from (M6); {@code rebond contact} writes them directly: no trigger depends on them. */
    public ContactCircles circles() {
        return new SqlContactCircles(database);
    }

    /** The referral network as {@code rebond network} shows it. */
    public ReferralNetwork network() {
        return new ReferralNetwork(store, circles(), outbox());
    }

    public CommandQueue commands() {
        return commands;
    }

    /** The messages as the daemon would compose them now, from the configured templates. */
    public MessageComposer composer() {
        return new TemplateComposer(new Templates(config.templates().directory(), null), config.profile(), App.policyOf(config),
                store, history(), new NotesParser(), new VocabularyFinder(), config.mailbox().drafts(), clock, news());
    }

    /** The user's milestones and what the keeping-you-posted drafts told. */
    public SqlNewsStore news() {
        return new SqlNewsStore(database);
    }

    /**
     * On PostgreSQL, the lease of the node that follows this mailbox now, wherever it runs; empty on
     * SQLite, or when no node follows it.
     */
    public Optional<AccountLeases.Lease> lease() {
        if (!config.storage().postgresql()) {
            return Optional.empty();
        }
        return new SqlAccountLeases(database, clock).holder(config.mailbox().account());
    }

    /**
     * The instance lock, when no daemon holds it (nor, on PostgreSQL, a node of the cluster): the caller may then change the state itself
     * ({@link #userCommandsHere()}) until it closes the lock. Empty when a daemon runs.
     */
    public Optional<Lock> lockUnlessADaemonRuns() {
        if (lease().isPresent()) {
            return Optional.empty();
        }
        try {
            InstanceLock lock = InstanceLock.acquire(config.storage().database(), InstanceLock.Holder.thisProcess(clock.instant(), InstanceLock.OFFLINE));
            return Optional.of(lock::close);
        } catch (StoreException daemonRunning) {
            return Optional.empty();
        }
    }

    /**
     * Whether a daemon runs on this state now: it holds the instance lock. (Checked by taking the
     * lock for an instant, as {@code track} and {@code ignore} do.)
     */
    public boolean daemonRuns() {
        return holder().isPresent();
    }

    /**
     * The process that holds the instance lock now (the daemon, or a command changing the state),
     * as it wrote itself into the lock file; empty when nobody holds it. A holder whose file could
     * not be read is told with pid -1 and no start time.
     */
    public Optional<InstanceLock.Holder> holder() {
        if (lease().isPresent()) {
            return Optional.of(new InstanceLock.Holder(-1, null, InstanceLock.DAEMON));
        }
        Optional<Lock> lock = lockUnlessADaemonRuns();
        if (lock.isPresent()) {
            lock.get().close();
            return Optional.empty();
        }
        return Optional.of(InstanceLock.holder(config.storage().database()).orElse(new InstanceLock.Holder(-1, null, "")));
    }

    /**
     * The user's commands applied in this process, for when no daemon runs: the rows change here;
     * the triggers are re-planned when the daemon starts (its queue holds what they owe).
     */
    public UserCommands userCommandsHere() {
        InterviewService service = App.interviewService(config, store, outbox(), new DeferredActionScheduler(commands), history(), clock);
        return App.userCommands(config, service, store, outbox(), commands, clock);
    }

    /** The instance lock held by this process; closing it lets a daemon start. */
    @FunctionalInterface
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    private SqlMessageHistory history() {
        return new SqlMessageHistory(database, userAddresses(config));
    }

    /** The user's own addresses, lower case. */
    static Set<String> userAddresses(RebondConfig config) {
        Set<String> addresses = new HashSet<>();
        config.profile().addresses().forEach(a -> addresses.add(a.toLowerCase(Locale.ROOT)));
        return addresses;
    }

    @Override
    public void close() {
        database.close();
    }
}
