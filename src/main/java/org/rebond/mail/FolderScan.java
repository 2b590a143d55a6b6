package org.rebond.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.rebond.application.FolderCursors;
import org.rebond.mail.BatchDispatch.ReadBatch;
import org.rebond.mail.MailboxWatcher.ScanObserver;
import org.rebond.mail.UnreadableMessages.ReadAlone;

/**
 * Reads one open folder after its cursor, in batches of UIDs, headers and structure only: per
 * batch one FETCH of the structures and header fields, one per distinct section needed, and one
 * transaction for the history and the cursor, handed to the intake one FETCH late
 * ({@link BatchDispatch}). Where the read starts is the {@link FolderCursorKeeper}'s; a batch the
 * server cannot read is {@link UnreadableMessages}'. Called by one thread at a time per folder
 * (INBOX on the mailbox thread, the other folders on theirs).
 */
final class FolderScan {

    /** Messages described by one FETCH command of a scan. */
    static final int BATCH = 1_000;

    private final ImapBatchReader reader;
    private final MessageIntake intake;
    private final FolderCursorKeeper keeper;
    private final FolderOpener opener;
    private final UnreadableMessages unreadable;
    private final TextBackfill backfill;
    private final IntakeLane lane;
    private final ScanObserver observer;
    private final BooleanSupplier running;
    private final int batch;
    /** How many of a folder's newest messages keep their text as they are read ({@link MessageIntake#OWN_TEXTS}). */
    private final int recentTexts;
    private final Duration progressEvery = Duration.ofSeconds(10);
    /** The terminal line (or the log) that the progress of every folder read goes to. */
    private final ScanProgress.Display progressDisplay = ScanProgress.Display.forDaemon();

    /**
     * @param window      the most messages read between two openings of a folder: a batch is at most that
     * @param recentTexts how many of a folder's newest messages keep their text as they are read
     * @param running     false once the watcher stops: the read ends after the batch it is in
     */
    FolderScan(ImapBatchReader reader, MessageIntake intake, FolderCursorKeeper keeper, FolderOpener opener, UnreadableMessages unreadable,
               TextBackfill backfill, IntakeLane lane, ScanObserver observer, int window, int recentTexts, BooleanSupplier running) {
        this.reader = reader;
        this.intake = intake;
        this.keeper = keeper;
        this.opener = opener;
        this.unreadable = unreadable;
        this.backfill = backfill;
        this.lane = lane;
        this.observer = observer;
        this.batch = Math.min(BATCH, window);
        this.recentTexts = recentTexts;
        this.running = running;
    }

    /** Reads every message after the cursor of one folder, then tells the observer the sync ended. */
    void sync(IMAPFolder folder) throws MessagingException {
        readAfterCursor(folder);
        observer.synced(folder.getFullName());
    }

    /**
     * One pass over what is after the cursor, in batches of {@link #batch} UIDs: per batch one
     * FETCH of the structures and header fields, one per distinct section needed, and one
     * transaction for the history and the cursor.
     */
    void readAfterCursor(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        FolderCursorKeeper.Start start = keeper.startOf(folder);
        if (start == null) {
            return;
        }
        long uidValidity = start.uidValidity();
        long[] uids = uidsAfter(folder, start.cursor().lastUid());
        unreadable.newRead(name);
        uids = unreadable.withoutQuarantined(name, uidValidity, uids);
        if (uids.length == 0) {
            keeper.nothingAfter(start);
            return;
        }
        long lastUid = start.cursor().lastUid();
        long textFrom = uids.length > recentTexts ? uids[uids.length - recentTexts] : 0;
        if (textFrom > 0) {
            backfill.leftForLater(); // the latest messages with each contact get theirs after the pass
        }
        ScanProgress progress = uids.length > batch ? ScanProgress.of(name, uids.length, progressEvery, progressDisplay) : null;
        // The batch read last is handed to the intake once the next batch's FETCH is on its way:
        // the server works on that one while this thread waits for the intake to be free.
        BatchDispatch dispatch = new BatchDispatch(lane);
        try {
            for (int from = 0; from < uids.length && running.getAsBoolean(); from += batch) {
                int to = Math.min(uids.length, from + batch);
                // Each message is prepared as its description arrives, while the server sends the rest.
                MessageIntake.Batch batch = intake.startBatch(name, uidValidity, textFrom);
                Map<Long, MessageIntake.Prepared> prepared = new HashMap<>();
                ReadAlone readAlone = new ReadAlone(new HashSet<>(), new HashMap<>());
                List<ScannedMessage> scanned = unreadable.scanBatch(folder, name, uidValidity, uids, from, to,
                        m -> prepared.put(m.uid(), intake.prepare(batch, m)), dispatch.handOverWhenAsked(), prepared, readAlone);
                dispatch.rethrowHandOver();
                ReadBatch read;
                try {
                    read = fetchBatch(reader, intake, folder, batch, scanned, prepared, readAlone);
                } catch (MessagingException | RuntimeException e) {
                    unreadable.noteFailedRead(name, uidValidity, uids[from]);
                    throw e;
                }
                unreadable.readWhole(name);
                if (!scanned.isEmpty()) {
                    lastUid = Math.max(lastUid, scanned.get(scanned.size() - 1).uid());
                }
                lastUid = Math.max(lastUid, uids[to - 1]); // what was expunged meanwhile is passed too
                FolderCursors.Cursor after = start.after(lastUid, to >= uids.length);
                int count = to - from;
                dispatch.readWhole(() -> {
                    BatchDispatch.take(intake, read);
                    intake.flush(() -> keeper.save(after));
                    observer.batchRead(name, scanned);
                    if (progress != null) {
                        progress.advance(count);
                    }
                });
                opener.read(name, scanned.size());
            }
            dispatch.finish();
        } catch (MessagingException | RuntimeException e) {
            dispatch.abandon();
            throw e;
        }
    }

    /**
     * Prepares one batch on the mailbox thread: asks the intake what each message needs, then
     * downloads all of that in one command per distinct section (and the INTERNALDATE of messages
     * without a usable Date).
     */
    static ReadBatch fetchBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, MessageIntake.Batch batch,
                                List<ScannedMessage> scanned, Map<Long, MessageIntake.Prepared> preparedEarly) throws MessagingException {
        return fetchBatch(reader, intake, folder, batch, scanned, preparedEarly, new ReadAlone(Set.of(), Map.of()));
    }

    /** As above; the parts of the messages in {@code readAlone} are not fetched again. */
    private static ReadBatch fetchBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, MessageIntake.Batch batch,
                                        List<ScannedMessage> scanned, Map<Long, MessageIntake.Prepared> preparedEarly,
                                        ReadAlone readAlone) throws MessagingException {
        List<MessageIntake.Prepared> prepared = new ArrayList<>(scanned.size());
        List<ImapBatchReader.PartRequest> downloads = new ArrayList<>();
        List<Long> undated = new ArrayList<>();
        for (ScannedMessage m : scanned) {
            MessageIntake.Prepared early = preparedEarly.get(m.uid());
            MessageIntake.Prepared p = early != null && early.message() == m ? early : intake.prepare(batch, m);
            prepared.add(p);
            if (!readAlone.uids().contains(m.uid())) {
                downloads.addAll(p.downloads());
            }
            if (p.needsReceivedDate()) {
                undated.add(m.uid());
            }
        }
        Map<String, byte[]> parts = new HashMap<>(readAlone.parts());
        if (!downloads.isEmpty()) {
            parts.putAll(reader.parts(folder, downloads));
        }
        Map<Long, Date> received = undated.isEmpty() ? Map.of()
                : reader.receivedDates(folder, undated.stream().mapToLong(Long::longValue).toArray());
        return new ReadBatch(batch, prepared, parts, received);
    }

    /** Reads and takes one batch on the calling thread (the tests' way in). */
    static void readBatch(ImapBatchReader reader, MessageIntake intake, IMAPFolder folder, long uidValidity, List<ScannedMessage> scanned)
            throws MessagingException {
        BatchDispatch.take(intake, fetchBatch(reader, intake, folder, intake.startBatch(folder.getFullName(), uidValidity), scanned, Map.of()));
    }

    /**
     * The UIDs after {@code lastUid}, ascending, by {@code UID SEARCH}: unlike
     * {@code getMessagesByUID(n, LASTUID)} it makes no message object for them, so a scan of
     * 100,000 messages holds 100,000 longs until it reads them window by window.
     */
    static long[] uidsAfter(IMAPFolder folder, long lastUid) throws MessagingException {
        long[] found = (long[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID SEARCH UID " + (lastUid + 1) + ":*", null);
            Response result = responses[responses.length - 1];
            long[] uids = new long[64];
            int count = 0;
            if (result.isOK()) {
                for (int i = 0; i < responses.length; i++) {
                    if (responses[i] instanceof IMAPResponse r && r.keyEquals("SEARCH")) {
                        long uid;
                        while ((uid = r.readLong()) != -1) {
                            if (uid > lastUid) {
                                if (count == uids.length) {
                                    uids = Arrays.copyOf(uids, count * 2);
                                }
                                uids[count++] = uid;
                            }
                        }
                        responses[i] = null;
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(result);
            return Arrays.copyOf(uids, count);
        });
        Arrays.sort(found);
        return found;
    }
}
