package org.rebond.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.rebond.application.FolderCursors;
import org.rebond.mail.MailboxWatcher.ScanObserver;

/**
 * Opens the followed folders, read-only, with CONDSTORE or QRESYNC where the connection has them,
 * and keeps what each folder reported when it was opened until the read that follows takes it.
 * Counts the messages read in each folder since it was opened: INBOX, which stays open for months,
 * is closed and opened again once a window's worth was read, since Angus Mail keeps a message
 * object for every message the server announces (EXISTS) until the folder is closed.
 */
final class FolderOpener {

    private final FolderCursors cursors;
    private final int window;
    private final ScanObserver observer;
    /** Messages read in each open folder since it was opened (INBOX stays open for months). */
    private final Map<String, Integer> readSinceOpen = new ConcurrentHashMap<>();
    /**
     * What each folder reported when it was opened, until the read that follows the opening takes
     * it: only a HIGHESTMODSEQ that fresh says that nothing changed since the cursor (Angus does not
     * update it for a folder kept open when new mail arrives).
     */
    private final Map<String, AtOpen> atOpen = new ConcurrentHashMap<>();
    private boolean condstore;
    private boolean qresync;

    /** The HIGHESTMODSEQ and the message count a folder reported when it was opened. */
    record AtOpen(long modseq, int messages, long uidNext) {}

    FolderOpener(FolderCursors cursors, int window, ScanObserver observer) {
        this.cursors = cursors;
        this.window = window;
        this.observer = observer;
    }

    /** Takes the capabilities of a new connection: the folders it opens use CONDSTORE or QRESYNC when it has them. */
    void useCapabilitiesOf(IMAPStore store) throws MessagingException {
        qresync = store.hasCapability("QRESYNC");
        condstore = store.hasCapability("CONDSTORE") || qresync; // QRESYNC implies CONDSTORE (RFC 7162)
    }

    /** Whether folders are opened with CONDSTORE (and so report their HIGHESTMODSEQ). */
    boolean condstore() {
        return condstore;
    }

    /** Whether folders are opened with QRESYNC where the cursor allows it. */
    boolean qresync() {
        return qresync;
    }

    /**
     * Read-only; with CONDSTORE enabled where the server has it, so the folder reports its
     * HIGHESTMODSEQ, and with QRESYNC where the server has it and the cursor holds a UIDVALIDITY
     * and a HIGHESTMODSEQ (Angus sends ENABLE QRESYNC, then {@code EXAMINE folder (QRESYNC (uidvalidity
     * modseq))}). The server then reports only what changed since the cursor: the flag changes
     * (FETCH) and the expunged UIDs (VANISHED (EARLIER)); rebond needs neither, since what is new
     * is found from the cursor's last UID, but Angus keeps a message object for each changed one
     * until the folder is closed, so they count towards the window after which a folder kept open
     * is reopened.
     */
    void open(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        int changesReported = 0;
        var cursor = qresync ? cursors.get(name) : Optional.<FolderCursors.Cursor>empty();
        if (cursor.isPresent() && cursor.get().uidValidity() > 0 && cursor.get().highestModseq() > 0) {
            var events = folder.open(Folder.READ_ONLY, new ResyncData(cursor.get().uidValidity(), cursor.get().highestModseq()));
            changesReported = events == null ? 0 : events.size();
        } else if (condstore) {
            folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
        } else {
            folder.open(Folder.READ_ONLY);
        }
        readSinceOpen.put(name, changesReported);
        atOpen.put(name, new AtOpen(condstore ? highestModseq(folder) : 0, folder.getMessageCount(), uidNextOf(folder)));
    }

    /** What the folder reported when it was opened, if no read took it since (null then); taken once. */
    AtOpen takeAtOpen(String folder) {
        return atOpen.remove(folder);
    }

    /** The folder was closed: what it reported when it was opened no longer holds. */
    void closed(String folder) {
        atOpen.remove(folder);
    }

    /** Counts messages read in an open folder, towards the window after which it is reopened. */
    void read(String folder, int messages) {
        readSinceOpen.merge(folder, messages, Integer::sum);
    }

    /**
     * Closes and opens the folder again (on the same connection, returned to and taken from the
     * pool), so Angus drops every message it kept for it. Nothing is held across: the scan keeps
     * UIDs only.
     */
    private void reopen(IMAPFolder folder) throws MessagingException {
        folder.close(false);
        open(folder);
        atOpen.remove(folder.getFullName()); // read only after the next wait: no longer fresh by then
        observer.reopened(folder.getFullName());
    }

    /** Reopens the folder when a window's worth of messages were read since it was opened. */
    void reopenIfFull(IMAPFolder folder) throws MessagingException {
        if (readSinceOpen.getOrDefault(folder.getFullName(), 0) >= window) {
            reopen(folder);
        }
    }

    /** UIDNEXT as the server gave it when the folder was opened, 0 when unknown. */
    static long uidNextOf(IMAPFolder folder) {
        try {
            return Math.max(folder.getUIDNext(), 0);
        } catch (MessagingException | RuntimeException e) {
            return 0;
        }
    }

    static long highestModseq(IMAPFolder folder) {
        try {
            return Math.max(folder.getHighestModSeq(), 0);
        } catch (MessagingException | RuntimeException e) {
            return 0;
        }
    }
}
