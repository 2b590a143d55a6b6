package org.rebond.mail;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes scan batches on a thread of its own, one at a time, while the folders' readers already
 * read the next ones: the server's time and rebond's own work (the history, the invitations,
 * SQLite) overlap instead of adding up. Each reader (one per folder being read, INBOX and Sent at
 * the same time) hands its batches over through a {@link Feed} of its own: a feed's batches are
 * taken in order, at most one of them waits to be taken while the reader reads the next, so memory
 * stays bounded (two folders: at most two batches waiting, two being read). A batch that fails
 * makes that feed's next hand-over (or {@link Feed#drain()}) fail with the same exception, so the
 * watcher reconnects and reads again from the folder's cursor, which only a batch taken whole
 * moves.
 */
final class IntakeLane implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebond-intake");
        t.setDaemon(true);
        return t;
    });

    /** A feed for one reader; used by that reader's thread only. */
    Feed feed() {
        return new Feed();
    }

    /** One reader's batches, handed over in order. */
    final class Feed {
        private Future<?> previous;

        private Feed() {}

        /** Hands a batch over; first waits until this feed's batch before it was taken. */
        void submit(Runnable batch) {
            drain();
            previous = thread.submit(batch);
        }

        /** Waits until every batch of this feed was taken; rethrows what made one fail. */
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
