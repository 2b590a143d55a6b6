package org.rebond.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebond.domain.Interview;

/**
 * A real history, counting how often the messages with each address are read and how many texts
 * each write of texts holds: for tests of how much work a pass does, not what it finds.
 */
public final class CountingHistory implements MessageHistory {
    private final MessageHistory history;
    /** How many times the messages with each address were read ({@link #with}, {@link #exchangedAfter}). */
    public final Map<String, Integer> reads = new HashMap<>();
    /** The size of each write of texts ({@link #setTexts}), in order. */
    public final List<Integer> textWrites = new ArrayList<>();

    public CountingHistory(MessageHistory history) {
        this.history = history;
    }

    @Override
    public List<SeenMessage> with(String email, int limit) {
        reads.merge(email, 1, Integer::sum);
        return history.with(email, limit);
    }

    @Override
    public List<SeenMessage> exchangedAfter(String email, Instant after, int limit) {
        reads.merge(email, 1, Integer::sum);
        return history.exchangedAfter(email, after, limit);
    }

    @Override
    public void setTexts(List<Text> texts) {
        textWrites.add(texts.size());
        history.setTexts(texts);
    }

    @Override
    public void recordAll(List<SeenMessage> messages) {
        history.recordAll(messages);
    }

    @Override
    public void recordAll(List<SeenMessage> messages, Runnable alsoInTheTransaction) {
        history.recordAll(messages, alsoInTheTransaction);
    }

    @Override
    public List<Textless> withoutText(String email, int latest) {
        return history.withoutText(email, latest);
    }

    @Override
    public void forgetFolder(String folder, long oldUidValidity) {
        history.forgetFolder(folder, oldUidValidity);
    }

    @Override
    public List<String> samples(int limit) {
        return history.samples(limit);
    }

    @Override
    public Optional<String> messageIdAt(String folder, long uidValidity, long uid) {
        return history.messageIdAt(folder, uidValidity, uid);
    }

    @Override
    public long newestRow() {
        return history.newestRow();
    }

    @Override
    public Optional<Interview.Person> introducerOf(String contactEmail, Instant before) {
        return history.introducerOf(contactEmail, before);
    }
}
