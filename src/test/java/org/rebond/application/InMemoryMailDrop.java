package org.rebond.application;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.rebond.domain.SingleLine;

/**
 * The user's mailbox as far as {@link MailDrop} sees it, for runner tests: the real one needs an
 * IMAP server. It can be told to refuse appends (over quota) or to store the message and then lose
 * the tagged OK (the connection drops before the answer). The user can edit a draft in it (the
 * client saves a new message with the same Message-ID) or send it (it leaves Drafts).
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

    /** The drafts in Drafts, oldest first. */
    synchronized List<Stored> drafts() {
        return stored.stream().filter(s -> s.message().destination() == OutgoingMessage.Destination.DRAFTS).toList();
    }

    /** The user edits the draft's text in a client that keeps its Message-ID: a new message replaces it. */
    synchronized void userEdits(String messageId, String newText) {
        Stored old = draft(messageId);
        OutgoingMessage m = old.message();
        stored.remove(old);
        stored.add(new Stored(nextUid++, new OutgoingMessage(m.destination(), m.from(), m.to(), m.subject(), newText, m.html(), m.messageId(),
                m.inReplyTo(), m.references(), m.token(), m.calendar())));
    }

    /** The user sends (or deletes) the draft: it leaves Drafts. */
    synchronized void userSends(String messageId) {
        stored.remove(draft(messageId));
    }

    private Stored draft(String messageId) {
        return drafts().stream().filter(s -> s.message().messageId().equals(messageId)).findFirst().orElseThrow();
    }

    @Override
    public synchronized OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId) {
        return stored.stream().filter(s -> s.message().destination() == destination)
                .filter(s -> destination == OutgoingMessage.Destination.DRAFTS ? s.message().messageId().equals(messageId) : s.message().token().equals(token))
                .mapToLong(Stored::uid).findFirst();
    }

    @Override
    public synchronized DraftState draftState(String messageId, String digest) {
        List<Stored> found = drafts().stream().filter(s -> s.message().messageId().equals(messageId)).toList();
        if (found.isEmpty()) {
            return DraftState.ABSENT;
        }
        return found.stream().allMatch(s -> digestOf(s.message()).equals(digest)) ? DraftState.UNTOUCHED : DraftState.EDITED;
    }

    @Override
    public synchronized DraftState deleteDraftIfUntouched(String messageId, String digest) {
        DraftState state = draftState(messageId, digest);
        if (state == DraftState.UNTOUCHED) {
            stored.removeIf(s -> s.message().destination() == OutgoingMessage.Destination.DRAFTS && s.message().messageId().equals(messageId));
        }
        return state;
    }

    private static String digestOf(OutgoingMessage m) {
        return DraftDigest.of(SingleLine.of(m.subject()), m.text());
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
