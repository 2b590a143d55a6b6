package org.rebond.mail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A scan observer that records what the tests look at: the UIDs of each batch read, the folders reopened, the syncs per folder. */
final class RecordingScanObserver implements MailboxWatcher.ScanObserver {

    final List<List<Long>> batches = new CopyOnWriteArrayList<>();
    final List<String> reopened = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> synced = new ConcurrentHashMap<>();
    /** The batch (counted from 1) whose taking fails, as an intake failure would; 0: none. */
    volatile int failingBatch;

    @Override
    public void batchRead(String folder, List<ScannedMessage> messages) {
        batches.add(messages.stream().map(ScannedMessage::uid).toList());
        if (batches.size() == failingBatch) {
            throw new IllegalStateException("the intake failed on this batch (test)");
        }
    }

    @Override
    public void reopened(String folder) {
        reopened.add(folder);
    }

    @Override
    public void synced(String folder) {
        synced.computeIfAbsent(folder, f -> new AtomicInteger()).incrementAndGet();
    }

    /** How many times {@code folder} was read through. */
    int syncs(String folder) {
        return synced.getOrDefault(folder, new AtomicInteger()).get();
    }
}
