package org.rebond.application;

import java.util.function.Supplier;

/** The unit of work of the store, for use cases whose writes must commit together or not at all. */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction that does not wait for the disk (for what the mailbox
     * can give again); every write inside it is a part of it. Nested calls join the outer one.
     * Take any lock the work takes before calling it, never after.
     */
    void inOneTransaction(Runnable work);

    /** Runs {@code work} as one savepoint of the running transaction (or a transaction of its own): undone alone if it fails. */
    <T> T inSavepoint(Supplier<T> work);
}
