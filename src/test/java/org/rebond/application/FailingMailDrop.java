package org.rebond.application;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.rebond.mail.MailboxException;

/**
 * A {@link MailDrop} around another whose next deliveries fail as a flaky server makes them fail,
 * once {@link #arm armed}: the exception is the one {@code ImapMailDrop} throws (a
 * {@link MailboxException}), which the {@link ActionRunner} answers with a retry. Unlike
 * {@link StoppingMailDrop}, the daemon goes on running.
 */
public final class FailingMailDrop implements MailDrop {

    /** How a delivery fails. */
    public enum Fault {
        /** The server refuses the APPEND (a NO, or the connection refused): nothing is stored. */
        APPEND_REFUSED,
        /** The APPEND is stored, then the connection drops before its OK reaches rebond. */
        REPLY_LOST
    }

    private final MailDrop delegate;
    private final AtomicInteger left = new AtomicInteger();
    private volatile Fault fault = Fault.APPEND_REFUSED;
    private final AtomicInteger failed = new AtomicInteger();

    public FailingMailDrop(MailDrop delegate) {
        this.delegate = delegate;
    }

    /**
     * The next {@code count} calls fail: an append this way, a search for a delivery token (a retry
     * asking whether the message is there) with a dropped connection.
     */
    public void arm(int count, Fault how) {
        fault = how;
        left.set(count);
    }

    /** No more failures. */
    public void disarm() {
        left.set(0);
    }

    /** How many deliveries have failed so far. */
    public int failed() {
        return failed.get();
    }

    @Override
    public OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId) {
        if (left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failed.incrementAndGet();
            throw new MailboxException("cannot search " + destination + " for a delivery token: Connection reset (a test fault)", false);
        }
        return delegate.find(destination, token, messageId);
    }

    @Override
    public DraftState draftState(String messageId, String digest) {
        return delegate.draftState(messageId, digest);
    }

    @Override
    public DraftState deleteDraftIfUntouched(String messageId, String digest) {
        return delegate.deleteDraftIfUntouched(messageId, digest);
    }

    @Override
    public long append(OutgoingMessage message) {
        if (left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return delegate.append(message);
        }
        failed.incrementAndGet();
        if (fault == Fault.REPLY_LOST) {
            delegate.append(message);
            throw new MailboxException("cannot append to " + message.destination() + ": Connection reset after APPEND (a test fault)", false);
        }
        throw new MailboxException("cannot append to " + message.destination() + ": NO [SERVERBUG] temporary failure (a test fault)", false);
    }
}
