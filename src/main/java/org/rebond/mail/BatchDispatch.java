package org.rebond.mail;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Hands the batches of one folder's read to the intake ({@link IntakeLane}), one FETCH late: the
 * batch read last waits until the next batch's FETCH is on its way, so the server works on that
 * one while the reading thread waits for the intake to be free. What handing over throws (the
 * intake failed on the batch before) surfaces on the reading thread, outside the FETCH it
 * overlapped. When the read fails, the batch it read whole before the failure is still handed
 * over, so its cursor moves. One per read of a folder, used by the thread that reads it.
 */
final class BatchDispatch {

    private final IntakeLane.Feed feed;
    /** The batch read last, until the next one replaces it: a failure meanwhile still hands it over. */
    private HandOver waiting;

    /** A batch read from the server with what its messages need, ready to be taken. */
    record ReadBatch(MessageIntake.Batch batch, List<MessageIntake.Prepared> prepared, Map<String, byte[]> parts,
                     Map<Long, Date> received) {}

    BatchDispatch(IntakeLane lane) {
        this.feed = lane.feed();
    }

    /**
     * What hands over the batch read last, for the next batch's read to run once its FETCH was
     * sent; null when no batch waits.
     */
    Runnable handOverWhenAsked() {
        HandOver previous = waiting;
        return previous == null ? null : previous::run;
    }

    /** Once the next batch was read: throws what handing over the batch read before it threw, if anything. */
    void rethrowHandOver() {
        if (waiting != null) {
            waiting.rethrow();
        }
    }

    /** A batch was read whole: {@code take} hands it to the intake, once the next batch's FETCH is on its way (or at the end). */
    void readWhole(Runnable take) {
        waiting = new HandOver(feed, take);
    }

    /** The read reached its end: hands over the last batch and waits until every batch was taken; rethrows what made one fail. */
    void finish() {
        if (waiting != null) {
            waiting.run();
            waiting.rethrow();
        }
        feed.drain();
    }

    /** The read failed: the batch read whole before the failure is handed over all the same, then the intake is waited for, quietly. */
    void abandon() {
        if (waiting != null && !waiting.ran()) {
            waiting.run(); // read whole before the failure: taken, so its cursor moves
        }
        feed.drainQuietly();
    }

    /** Hands the messages of a read batch to the intake, in UID order. */
    static void take(MessageIntake intake, ReadBatch read) {
        for (MessageIntake.Prepared p : read.prepared()) {
            intake.take(read.batch(), p, read.parts(), read.received().get(p.message().uid()));
        }
    }

    /**
     * One batch read and not yet handed to the intake lane. {@link #run} hands it over (waiting
     * for the batch before it to be taken) and keeps what that throws, for {@link #rethrow} on the
     * mailbox thread, outside the FETCH it overlapped.
     */
    private static final class HandOver {
        private final IntakeLane.Feed feed;
        private final Runnable take;
        private boolean ran;
        private RuntimeException failure;

        HandOver(IntakeLane.Feed feed, Runnable take) {
            this.feed = feed;
            this.take = take;
        }

        void run() {
            if (ran) {
                return;
            }
            ran = true;
            try {
                feed.submit(take);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        boolean ran() {
            return ran;
        }

        void rethrow() {
            if (failure != null) {
                RuntimeException e = failure;
                failure = null;
                throw e;
            }
        }
    }
}
