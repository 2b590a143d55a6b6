package org.rebond.mail;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes scan batches on a thread of its own, one at a time and in order, while the mailbox
 * thread already reads the next one: the server's time and rebond's own work (the history, the
 * invitations, SQLite) overlap instead of adding up. At most one batch waits to be taken while
 * one is read, so memory stays bounded. A batch that fails makes the next hand-over (or
 * {@link #drain()}) fail with the same exception, so the watcher reconnects and reads again from
 * the cursor, which only a batch taken whole moves.
 */
final class IntakeLane implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebond-intake");
        t.setDaemon(true);
        return t;
    });
    private Future<?> previous;

    /** Hands a batch over; first waits until the one before it was taken. */
    void submit(Runnable batch) {
        drain();
        previous = thread.submit(batch);
    }

    /** Waits until every batch handed over was taken; rethrows what made one fail. */
    void drain() {
        Future<?> last = previous;
        previous = null;
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the last batch was being taken", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** As {@link #drain()}, when something else already failed: what the batch did is not reported again. */
    void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException alreadyFailing) {
            // the caller's own failure is the one reported
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
