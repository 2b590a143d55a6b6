package org.rebond.application;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link MailDrop} around another that stops dead once, just before or just after an append, as
 * a crash of the process would: an {@link Error}, which nothing in rebond catches, so nothing runs
 * after it. Given to the daemon at composition ({@code App.Options.mailDrop}) or to an
 * {@link ActionRunner} directly.
 */
public final class StoppingMailDrop implements MailDrop {

    /** Where a delivery is stopped. */
    public enum Step {
        /** The outbox row is committed, nothing is appended yet. */
        BEFORE_APPEND,
        /** The message is in the mailbox, the outbox row not yet marked done (for a revision: the draft it replaces not yet removed). */
        AFTER_APPEND,
        /** A revision of the thank-you: the draft it replaces is removed, the outbox row not yet marked done. */
        AFTER_DELETE
    }

    /** What the stop throws. */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped(Step step) {
            super("stopped dead " + step.name().toLowerCase().replace('_', ' '));
        }
    }

    private final MailDrop delegate;
    private final Step step;
    private final AtomicBoolean armed = new AtomicBoolean(true);
    private final AtomicBoolean stopped = new AtomicBoolean();

    public StoppingMailDrop(MailDrop delegate, Step step) {
        this.delegate = delegate;
        this.step = step;
    }

    /** Whether the stop happened. */
    public boolean stopped() {
        return stopped.get();
    }

    @Override
    public OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId) {
        return delegate.find(destination, token, messageId);
    }

    @Override
    public DraftState draftState(String messageId, String digest) {
        return delegate.draftState(messageId, digest);
    }

    @Override
    public DraftState deleteDraftIfUntouched(String messageId, String digest) {
        DraftState state = delegate.deleteDraftIfUntouched(messageId, digest);
        stopIf(Step.AFTER_DELETE);
        return state;
    }

    @Override
    public long append(OutgoingMessage message) {
        stopIf(Step.BEFORE_APPEND);
        long uid = delegate.append(message);
        stopIf(Step.AFTER_APPEND);
        return uid;
    }

    private void stopIf(Step here) {
        if (here == step && armed.compareAndSet(true, false)) {
            stopped.set(true);
            throw new Stopped(here);
        }
    }
}
