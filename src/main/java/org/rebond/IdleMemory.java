package org.rebond;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rebond.store.Database;

/**
 * Gives memory back once the first pass over the mailbox is over. A first scan fills the heap
 * with short-lived batches and the database connections' page caches with the pages it wrote;
 * afterwards the daemon mostly waits in IDLE and needs little of either. A few seconds after the
 * pass (once the actions that were waiting for it have fired), and once more a minute later, the
 * idle database connections are closed and a full collection runs: the serial collector then
 * shrinks the heap down to what is live and returns the rest to the system (the units set
 * {@code -XX:MaxHeapFreeRatio} low enough for that).
 */
final class IdleMemory {

    /** When, after the first pass, the memory is given back. */
    static final List<Duration> AFTER_FIRST_PASS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(60));

    private final Database database;
    private final Runnable collector;

    /** @param collector a full collection: {@code System::gc} */
    IdleMemory(Database database, Runnable collector) {
        this.database = database;
        this.collector = collector;
    }

    /** Gives memory back at each of {@link #AFTER_FIRST_PASS}, on {@code executor}. */
    void afterFirstPass(ScheduledExecutorService executor) {
        for (Duration delay : AFTER_FIRST_PASS) {
            executor.schedule(this::release, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the idle database connections, then collects. */
    void release() {
        database.releaseMemory();
        collector.run();
    }
}
