package org.rebond.mail;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Reads on past messages the server cannot read. Some servers close the connection whenever a
 * message they cannot read is fetched (Dovecot: "BYE FETCH failed: Internal error"), and then
 * every retry of the batch would fail the same way, for ever. So a batch whose read (its
 * descriptions or its parts: a server may describe a message from its cache and fail only on its
 * file) lost the connection twice in a row is read one message at a time, each with its parts; a
 * message whose own reads lose it twice is quarantined, with the server's words, and the folder
 * is read on past it (BAD-INPUTS: one bad message, the rest flows on). A message quarantined is
 * never fetched again.
 */
final class UnreadableMessages {

    private final ImapBatchReader reader;
    private final MessageIntake intake;
    /** What the server or the network said when the connection was last lost. */
    private final Supplier<String> lastLoss;
    /** By folder, the batch whose read failed last, see {@link #scanBatch} (each folder is read by one thread at a time). */
    private final Map<String, FailedRead> failedReads = new ConcurrentHashMap<>();
    /** By folder, the message ("folder:uidvalidity:uid") being read alone; absent between such reads. */
    private final Map<String, String> probing = new ConcurrentHashMap<>();
    /** How many connections were lost while each message was read alone. */
    private final Map<String, Integer> lostOn = new ConcurrentHashMap<>();

    /** A batch whose FETCH lost the connection, and how many times in a row. */
    private record FailedRead(String folder, long uidValidity, long firstUid, int times) {}

    /** The messages of a batch read one at a time with their parts (after lost connections), and those parts. */
    record ReadAlone(Set<Long> uids, Map<String, byte[]> parts) {}

    UnreadableMessages(ImapBatchReader reader, MessageIntake intake, Supplier<String> lastLoss) {
        this.reader = reader;
        this.intake = intake;
        this.lastLoss = lastLoss;
    }

    /**
     * Describes one batch, the messages {@code uids[from..to)}: in one FETCH, or one message at a
     * time once that batch's read lost the connection twice in a row (the messages read alone and
     * their parts then go into {@code readAlone}). {@code onceAsked} runs once the batch's FETCH
     * was sent.
     */
    List<ScannedMessage> scanBatch(IMAPFolder folder, String name, long uidValidity, long[] uids, int from, int to,
                                   Consumer<ScannedMessage> described, Runnable onceAsked,
                                   Map<Long, MessageIntake.Prepared> prepared, ReadAlone readAlone)
            throws MessagingException {
        FailedRead failedRead = failedReads.get(name);
        boolean failedBefore = failedRead != null && failedRead.uidValidity() == uidValidity && failedRead.firstUid() == uids[from];
        if (failedBefore && failedRead.times() >= 2) {
            List<ScannedMessage> scanned = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                String item = name + ":" + uidValidity + ":" + uids[i];
                if (lostOn.getOrDefault(item, 0) >= 2) {
                    intake.quarantine(name, uidValidity, uids[i], "the server closes the connection whenever this message is read ("
                            + lastLoss.get() + "); rebond reads on past it");
                    lostOn.remove(item);
                    continue;
                }
                probing.put(name, item);
                List<ScannedMessage> alone = reader.scan(folder, uids, i, i + 1, described);
                // Its parts too, alone: a server may describe a message from its cache and close
                // the connection only when its file is read.
                for (ScannedMessage m : alone) {
                    MessageIntake.Prepared p = prepared.get(m.uid());
                    if (p != null && !p.downloads().isEmpty()) {
                        readAlone.parts().putAll(reader.parts(folder, p.downloads()));
                    }
                    readAlone.uids().add(m.uid());
                }
                scanned.addAll(alone);
                probing.remove(name);
                lostOn.remove(item);
            }
            if (onceAsked != null) {
                onceAsked.run(); // read one by one: nothing left to overlap
            }
            return scanned;
        }
        try {
            return reader.scan(folder, uids, from, to, described, onceAsked);
        } catch (MessagingException | RuntimeException e) {
            noteFailedRead(name, uidValidity, uids[from]);
            throw e;
        }
    }

    /** The read of the batch starting at {@code firstUid} failed (its descriptions or its parts): once more in a row. */
    void noteFailedRead(String name, long uidValidity, long firstUid) {
        failedReads.compute(name, (folder, before) -> new FailedRead(folder, uidValidity, firstUid,
                before != null && before.uidValidity() == uidValidity && before.firstUid() == firstUid ? before.times() + 1 : 1));
    }

    /** A batch of the folder was read whole: the failures before it no longer count. */
    void readWhole(String name) {
        failedReads.remove(name);
    }

    /**
     * A new read of the folder begins: if a message was being read alone when the last one ended,
     * the connection was lost on it once more.
     */
    void newRead(String name) {
        String lost = probing.remove(name);
        if (lost != null) {
            lostOn.merge(lost, 1, Integer::sum); // the connection was lost while this message was read alone
        }
    }

    /** The UIDs not quarantined: a message quarantined is never fetched again. */
    long[] withoutQuarantined(String name, long uidValidity, long[] uids) {
        Set<Long> quarantined = intake.quarantinedUids(name, uidValidity);
        return quarantined.isEmpty() ? uids : Arrays.stream(uids).filter(uid -> !quarantined.contains(uid)).toArray();
    }
}
