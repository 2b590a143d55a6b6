package org.rebond;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rebond.application.ActionListener;
import org.rebond.application.ActionRunner;
import org.rebond.application.ActionScheduler;
import org.rebond.domain.Action;
import org.rebond.domain.PlannedAction;

/**
 * The tests' own driver of pending actions, in the place of Quartz (as db-scheduler's manual
 * scheduler is): it holds one due instant per (interview, action), and fires nothing until the test
 * calls {@link #runDue()}, which runs on the test's thread every action due at the clock's now, in
 * the order they fell due, through the daemon's own {@link ActionRunner}. A test steps its clock,
 * runs what is due, and reads the outcome at once: no thread to wait for, no real time spent.
 */
final class ManualActionScheduler implements ActionScheduler {

    /** One firing: what ran, and what the runner said. */
    record Fired(long interviewId, Action action, ActionRunner.Result result) {}

    private record Key(long interviewId, Action action) {}

    private final ActionRunner runner;
    private final ActionListener listener;
    private final Clock clock;
    private final Map<Key, Instant> pending = new LinkedHashMap<>();
    private boolean started;

    private ManualActionScheduler(ActionRunner runner, ActionListener listener, Clock clock) {
        this.runner = runner;
        this.listener = listener;
        this.clock = clock;
    }

    /** Schedulers for {@code App.Options}: each daemon started gets a new driver, the latest kept in {@code made}. */
    static App.Schedulers into(List<ManualActionScheduler> made) {
        return (dataSource, runner, listener, clock, schedulerClock, clustered, name) -> {
            ManualActionScheduler driver = new ManualActionScheduler(runner, listener, clock);
            made.add(driver);
            return driver;
        };
    }

    @Override
    public synchronized void schedule(long interviewId, PlannedAction planned) {
        pending.put(new Key(interviewId, planned.action()), planned.due());
    }

    @Override
    public synchronized void cancelAll(long interviewId) {
        pending.keySet().removeIf(k -> k.interviewId() == interviewId);
    }

    @Override
    public synchronized void start() {
        started = true;
    }

    @Override
    public synchronized void stop(boolean waitForRunning) {
        started = false;
    }

    /** Whether the daemon lets actions fire (it does once it has read the mailbox through). */
    synchronized boolean started() {
        return started;
    }

    /** When an action of an interview is due next, if it is pending. */
    synchronized Optional<Instant> dueOf(long interviewId, Action action) {
        return Optional.ofNullable(pending.get(new Key(interviewId, action)));
    }

    /** The actions of an interview that are pending, whenever due. */
    synchronized Set<Action> pendingOf(long interviewId) {
        Set<Action> actions = new HashSet<>();
        pending.keySet().stream().filter(k -> k.interviewId() == interviewId).forEach(k -> actions.add(k.action()));
        return actions;
    }

    /**
     * Runs every action due at the clock's now, earliest first, each at most once per call; an
     * action the runner asks to run again later (a retry, a wait) stays pending at that instant, as
     * Quartz would re-fire it.
     */
    synchronized List<Fired> runDue() {
        if (!started) {
            throw new IllegalStateException("the daemon has not started firing actions (its first pass over the mailbox is not done)");
        }
        List<Fired> fired = new ArrayList<>();
        Set<Key> ran = new HashSet<>();
        while (true) {
            Instant now = clock.instant();
            Optional<Map.Entry<Key, Instant>> next = pending.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(now) && !ran.contains(e.getKey()))
                    .min(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            if (next.isEmpty()) {
                return fired;
            }
            Key key = next.get().getKey();
            ran.add(key);
            pending.remove(key);
            ActionRunner.Result result = runner.run(key.interviewId(), key.action());
            listener.fired(key.interviewId(), key.action(), result);
            if (result.retryAt() != null) {
                pending.put(key, result.retryAt());
            }
            fired.add(new Fired(key.interviewId(), key.action(), result));
        }
    }
}
