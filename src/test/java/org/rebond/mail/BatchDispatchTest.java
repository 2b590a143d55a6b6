package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of a folder's batches to the intake lane, one FETCH late: a batch read waits for
 * the next read to ask, batches are taken in order on the intake thread, what the intake throws
 * surfaces on the reading thread, and a failed read still hands over what it read whole.
 */
class BatchDispatchTest {

    private final IntakeLane lane = new IntakeLane();
    private final List<String> taken = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        lane.close();
    }

    private Runnable take(String batch) {
        return () -> taken.add(batch + " on " + Thread.currentThread().getName());
    }

    private static Runnable failing(String why) {
        return () -> {
            throw new IllegalStateException(why);
        };
    }

    @Test
    void beforeAnyBatchWasReadThereIsNothingToHandOver() {
        BatchDispatch dispatch = new BatchDispatch(lane);

        assertThat(dispatch.handOverWhenAsked()).isNull();
        assertThatCode(dispatch::rethrowHandOver).doesNotThrowAnyException();
        assertThatCode(dispatch::finish).doesNotThrowAnyException();
    }

    @Test
    void aBatchReadWaitsUntilTheNextReadAsksAndTheBatchesAreTakenInOrderOnTheIntakeThread() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(take("first"));
        assertThat(taken).as("nothing handed over before the next FETCH is on its way").isEmpty();

        dispatch.handOverWhenAsked().run();
        dispatch.rethrowHandOver();
        dispatch.readWhole(take("second"));
        dispatch.finish();

        assertThat(taken).containsExactly("first on rebond-intake", "second on rebond-intake");
    }

    @Test
    void handingOverTwiceTakesTheBatchOnce() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(take("first"));
        Runnable handOver = dispatch.handOverWhenAsked();

        handOver.run();
        handOver.run();
        dispatch.finish();

        assertThat(taken).containsExactly("first on rebond-intake");
    }

    @Test
    void whatTheIntakeThrowsSurfacesOnTheReadingThreadAfterTheNextReadAndTheBatchAfterIsNotTaken() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(failing("the intake failed on the first batch"));
        dispatch.handOverWhenAsked().run();
        dispatch.rethrowHandOver(); // the first batch may not have been taken yet: nothing to say so far
        dispatch.readWhole(take("second"));

        Runnable handOverSecond = dispatch.handOverWhenAsked();
        assertThatCode(handOverSecond::run).as("kept, not thrown inside the FETCH it overlaps").doesNotThrowAnyException();
        assertThatThrownBy(dispatch::rethrowHandOver).isInstanceOf(IllegalStateException.class)
                .hasMessage("the intake failed on the first batch");
        assertThat(taken).isEmpty();
    }

    @Test
    void finishingRethrowsWhatMadeTheLastBatchFail() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(failing("the intake failed on the last batch"));

        assertThatThrownBy(dispatch::finish).isInstanceOf(IllegalStateException.class).hasMessage("the intake failed on the last batch");
    }

    @Test
    void aFailedReadStillHandsOverTheBatchItReadWholeAndWaitsUntilItIsTaken() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(take("read whole before the failure"));

        dispatch.abandon();

        assertThat(taken).containsExactly("read whole before the failure on rebond-intake");
    }

    @Test
    void aFailedReadSaysNothingOfWhatTheIntakeThrewItsOwnFailureIsTheOneReported() {
        BatchDispatch dispatch = new BatchDispatch(lane);
        dispatch.readWhole(failing("the intake failed too"));
        dispatch.handOverWhenAsked().run();

        assertThatCode(dispatch::abandon).doesNotThrowAnyException();
    }
}
