package org.rebond;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.rebond.application.AccountLeases;
import org.rebond.config.HostConfig;
import org.rebond.log.AccountContext;
import org.rebond.store.Database;
import org.rebond.store.InstanceLock;
import org.rebond.store.SqlAccountLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon of a configuration that names several accounts: one {@link App} per account, each
 * with its own database (or schema), mailbox connection, scheduler, quarantine and backoff, so
 * that one account's hostile mail or dead server never holds up another's.
 *
 * <p>On SQLite, every account is followed by this process. On a PostgreSQL database that several
 * nodes share, an account is followed by the node holding its lease: every {@link #TICK} a node
 * says it is alive (a lease named {@code node:NAME}), renews the leases it holds, and takes free
 * ones up to its fair share, the number of accounts divided by the nodes alive, rounded up; a
 * node holding more than its share (a node joined) gives the extra up. When a node dies, its
 * leases run out after {@link AccountFollower#TTL} and the others take its accounts; Quartz's
 * clustered job store fires each of its pending actions once, and the outbox keeps each draft
 * single.
 *
 * <p>Memory is given back for all the accounts at once ({@link IdleMemory}), not by each.
 */
public final class Host implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Host.class);
    static final Duration TICK = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final String NODE_PREFIX = "node:";
    /** How long a stop waits for the accounts still starting, then for the accounts to stop (TimeoutStopSec=30s in all). */
    private static final Duration STARTS_STOP = Duration.ofSeconds(8);
    private static final Duration ACCOUNTS_STOP = Duration.ofSeconds(20);
    private static final int STOPPERS = 16;

    private final HostConfig config;
    private final App.Options options;
    private final Clock clock;
    private final String node;
    private final InstanceLock lock;
    /** The shared database holding the leases; null on SQLite. */
    private final Database leaseDatabase;
    private final AccountLeases leases;
    private final List<AccountSlot> slots = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    /** One timer for the IMAP writes of every account (the mail library would make one thread per connection). */
    private final ScheduledExecutorService writeTimeouts;
    private final ExecutorService starters;
    private final Instant started;
    private boolean closed;

    private Host(HostConfig config, App.Options options) {
        this.config = config;
        this.options = options;
        this.clock = options.schedulerClock();
        this.node = nodeName();
        this.started = clock.instant();
        this.lock = InstanceLock.acquire(config.storage().database(), InstanceLock.Holder.thisProcess(options.clock().instant(),
                InstanceLock.DAEMON));
        if (config.storage().postgresql()) {
            try {
                this.leaseDatabase = StateDatabase.open(config.storage());
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
            this.leases = new SqlAccountLeases(leaseDatabase, clock);
        } else {
            this.leaseDatabase = null;
            this.leases = null;
        }
        config.accounts().forEach(a -> slots.add(new AccountSlot(a.name(), a.config())));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "rebond-host"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemonThread(r, "rebond-imap-write-timeouts"));
        timer.setRemoveOnCancelPolicy(true); // each write's timeout is cancelled as soon as the write is done
        this.writeTimeouts = timer;
        int starting = Math.max(1, Math.min(4, slots.size()));
        ThreadPoolExecutor startPool = new ThreadPoolExecutor(starting, starting, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemonThread(r, "rebond-account-start"));
        startPool.allowCoreThreadTimeOut(true); // gone once every account has started
        this.starters = startPool;
    }

    /** Starts following the accounts: all of them on SQLite, this node's share on PostgreSQL. */
    public static Host start(HostConfig config, App.Options options) {
        Host host = new Host(config, options);
        log.info("rebond started for {} accounts ({}), node {}", config.accounts().size(), String.join(", ", config.names()), host.node);
        host.ticker.scheduleWithFixedDelay(host::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        new IdleMemory(host::releaseMemory, IdleMemory::shrinkingCollection, Runtime.getRuntime()::totalMemory).afterFirstPass(host.ticker);
        return host;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("could not check the accounts' leases: {}", e.getMessage());
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        if (leases == null) {
            slots.stream().filter(s -> s.startable(now)).forEach(this::startLater);
            return;
        }
        leases.tryTake(NODE_PREFIX + node, node, AccountFollower.TTL);
        for (AccountSlot slot : slots) {
            if (slot.holdsLease() && !leases.renew(slot.name(), node, AccountFollower.TTL)) {
                log.error("this node ({}) lost the lease of the account {}: it stops following it", node, slot.name());
                slot.stop();
            }
        }
        // The nodes see each other before they share: a node takes accounts one tick after it said it is alive.
        if (Duration.between(started, now).compareTo(TICK) < 0) {
            return;
        }
        long alive = Math.max(1, leases.held().stream().filter(l -> l.account().startsWith(NODE_PREFIX)).count());
        int share = (int) ((slots.size() + alive - 1) / alive);
        long held = slots.stream().filter(AccountSlot::holdsLease).count();
        for (AccountSlot slot : slots) {
            if (held >= share) {
                break;
            }
            if (slot.startable(now) && leases.tryTake(slot.name(), node, AccountFollower.TTL)) {
                slot.leaseTaken();
                held++;
                startLater(slot);
            }
        }
        for (int i = slots.size() - 1; i >= 0 && held > share; i--) {
            AccountSlot slot = slots.get(i);
            if (slot.running()) {
                log.info("{} nodes share {} accounts: this node gives up the account {}", alive, slots.size(), slot.name());
                slot.stop();
                leases.release(slot.name(), node);
                held--;
            }
        }
    }

    private void startLater(AccountSlot slot) {
        slot.starting();
        starters.submit(() -> {
            try {
                App[] made = new App[1];
                AccountContext.within(slot.name(), () -> made[0] = App.start(slot.config(), options, new App.Hosted(slot.name(), node, writeTimeouts)));
                App app = made[0];
                boolean kept;
                synchronized (this) {
                    kept = !closed && slot.started(app);
                }
                if (!kept) {
                    app.close();
                } else if (leases != null) {
                    log.info("this node ({}) follows the account {}", node, slot.name());
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    Duration wait = slot.failed(clock.instant(), FIRST_RETRY, LAST_RETRY);
                    log.error("the account {} could not start: {}; trying again in {} s", slot.name(), e.getMessage(), wait.toSeconds());
                    if (leases != null && !closed) {
                        leases.release(slot.name(), node);
                    }
                }
            }
        });
    }

    /** Closes the idle database connections of every account followed (see {@link IdleMemory}). */
    private void releaseMemory() {
        List<App> running;
        synchronized (this) {
            running = slots.stream().flatMap(s -> s.app().stream()).toList();
        }
        running.forEach(App::releaseMemory);
    }

    /** The accounts and what each is doing on this node, for tests and logs. */
    public synchronized List<AccountSlot.State> states() {
        return slots.stream().map(AccountSlot::state).toList();
    }

    /** The daemon of {@code account} while this node follows it. */
    public synchronized Optional<App> app(String account) {
        return slots.stream().filter(s -> s.name().equals(account)).findFirst().flatMap(AccountSlot::app);
    }

    public String node() {
        return node;
    }

    /** Stops every account's daemon (each finishes its running actions), gives the leases up, frees the state. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ticker.shutdownNow();
        starters.shutdown();
        awaitQuietly(starters, STARTS_STOP, "an account was still starting when rebond stopped");
        // The accounts stop side by side: each waits for its running actions and its scheduler's
        // threads (a third of a second when idle), and systemd allows 30 s for the whole stop.
        ExecutorService stoppers = Executors.newFixedThreadPool(Math.max(1, Math.min(STOPPERS, slots.size())),
                r -> daemonThread(r, "rebond-account-stop"));
        for (AccountSlot slot : slots) {
            stoppers.submit(() -> AccountContext.within(slot.name(), () -> {
                slot.stop();
                if (leases != null) {
                    leases.release(slot.name(), node);
                }
            }));
        }
        stoppers.shutdown();
        awaitQuietly(stoppers, ACCOUNTS_STOP, "an account had not stopped after " + ACCOUNTS_STOP.toSeconds() + " s");
        if (leases != null) {
            leases.release(NODE_PREFIX + node, node);
            leaseDatabase.close();
        }
        writeTimeouts.shutdownNow();
        lock.close();
        log.info("rebond stopped");
    }

    private static void awaitQuietly(ExecutorService executor, Duration bound, String late) {
        try {
            if (!executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(late);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** This node's name: the host, the process and a random part (a restarted process is another node). */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
