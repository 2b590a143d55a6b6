package org.rebond.application;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The user's mailbox as far as {@link MailDrop} sees it, for runner tests: the real one needs an
 * IMAP server. It can be told to refuse appends (over quota) or to store the message and then lose
 * the tagged OK (the connection drops before the answer).
 */
final class InMemoryMailDrop implements MailDrop {

    record Stored(long uid, OutgoingMessage message) {}

    private final List<Stored> stored = new ArrayList<>();
    private int appendCalls;
    private long nextUid = 100;
    private RuntimeException refuseWith;
    private boolean loseNextOk;

    synchronized void refuseAppendsWith(RuntimeException failure) {
        refuseWith = failure;
    }

    synchronized void acceptAppends() {
        refuseWith = null;
    }

    synchronized void loseTheNextTaggedOk() {
        loseNextOk = true;
    }

    synchronized List<Stored> stored() {
        return List.copyOf(stored);
    }

    synchronized int appendCalls() {
        return appendCalls;
    }

    @Override
    public synchronized OptionalLong findByToken(OutgoingMessage.Destination destination, String token) {
        return stored.stream().filter(s -> s.message().destination() == destination && s.message().token().equals(token))
                .mapToLong(Stored::uid).findFirst();
    }

    @Override
    public synchronized long append(OutgoingMessage message) {
        appendCalls++;
        if (refuseWith != null) {
            throw refuseWith;
        }
        long uid = nextUid++;
        stored.add(new Stored(uid, message));
        if (loseNextOk) {
            loseNextOk = false;
            throw new IllegalStateException("connection reset before the tagged OK of APPEND");
        }
        return uid;
    }
}
