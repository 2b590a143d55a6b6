package org.rebond.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.rebond.application.FolderCursors;
import org.rebond.application.MessageHistory;
import org.rebond.application.UidValidityChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each folder's cursor (its UIDVALIDITY, the last UID read, the HIGHESTMODSEQ of its last
 * complete read) and decides where a read starts: after the cursor; from the start when the
 * UIDVALIDITY changed, or when UIDs are reused without a change (B40); not at all when the folder
 * is paused because its UIDVALIDITY keeps changing (B39), or when its HIGHESTMODSEQ, just after
 * opening, shows that nothing changed since the last complete read.
 */
final class FolderCursorKeeper {

    /** The watcher's log (the journal names it as before the watcher was split). */
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    /**
     * A folder whose UIDVALIDITY changes this many times within {@link #UIDVALIDITY_CHANGE_WINDOW}
     * is no longer read (B39: a server that keeps renumbering would otherwise have its folder read
     * in full again and again). A restart of the daemon reads it again.
     */
    static final int UIDVALIDITY_CHANGES_BEFORE_PAUSE = 3;
    /** The span over which UIDVALIDITY changes are counted. */
    static final Duration UIDVALIDITY_CHANGE_WINDOW = Duration.ofHours(24);

    private final FolderCursors cursors;
    private final MessageHistory history;
    private final UidValidityChanges validityChanges;
    private final ImapBatchReader reader;
    private final FolderOpener opener;

    /**
     * Where the read of {@code folder} starts: after {@code cursor}, under {@code uidValidity};
     * {@code modseq} is the folder's HIGHESTMODSEQ now (0 without CONDSTORE).
     */
    record Start(String folder, FolderCursors.Cursor cursor, long uidValidity, long modseq) {
        /**
         * The cursor once the read passed {@code lastUid}: HIGHESTMODSEQ is only a valid resync
         * point once every message up to it was read ({@code whole}).
         */
        FolderCursors.Cursor after(long lastUid, boolean whole) {
            return new FolderCursors.Cursor(folder, uidValidity, lastUid, whole ? modseq : cursor.highestModseq());
        }
    }

    FolderCursorKeeper(FolderCursors cursors, MessageHistory history, UidValidityChanges validityChanges, ImapBatchReader reader,
                       FolderOpener opener) {
        this.cursors = cursors;
        this.history = history;
        this.validityChanges = validityChanges;
        this.reader = reader;
        this.opener = opener;
    }

    /** Resumes every folder paused for its UIDVALIDITY (B39), saying so: starting the watcher is how the user resumes them. */
    void resumePaused() {
        for (UidValidityChanges.Pause p : validityChanges.resumeAll()) {
            log.warn("reading {} again: it was paused since {} because its UIDVALIDITY changed {} times within {} h (last {} -> {}); "
                    + "this start resumes it and counts its changes afresh", p.folder(), p.since(), p.changes(),
                    UIDVALIDITY_CHANGE_WINDOW.toHours(), p.from(), p.to());
        }
    }

    /**
     * Where the read of this open folder starts, null when it is not to be read (paused, or
     * nothing new). Takes what the folder reported when it was opened ({@link FolderOpener#takeAtOpen}).
     */
    Start startOf(IMAPFolder folder) throws MessagingException {
        String name = folder.getFullName();
        FolderOpener.AtOpen opened = opener.takeAtOpen(name);
        var paused = validityChanges.pauseOf(name);
        if (paused.isPresent()) {
            log.debug("{} is paused since {} (its UIDVALIDITY kept changing): not read", name, paused.get().since());
            return null;
        }
        long uidValidity = folder.getUIDValidity();
        var cursor = cursors.get(name).orElse(new FolderCursors.Cursor(name, uidValidity, 0, 0));
        String seen; // what shows that UIDs are reused, when they are
        if (cursor.uidValidity() != uidValidity) {
            int changes = validityChanges.record(name, cursor.uidValidity(), uidValidity, UIDVALIDITY_CHANGE_WINDOW);
            if (changes >= UIDVALIDITY_CHANGES_BEFORE_PAUSE) {
                validityChanges.pause(name, changes, cursor.uidValidity(), uidValidity);
                log.error("UIDVALIDITY of {} changed again ({} -> {}), {} changes within {} h: rebond STOPPED READING {} (the other "
                        + "folders are still followed). A server that keeps renumbering a folder would have it read in full again and again, "
                        + "and its UIDs cannot be trusted. Check the server or your provider (a migration, an index being rebuilt, a proxy "
                        + "such as Nylas that renumbers folders); once it is stable, restart rebond (systemctl restart rebond, or "
                        + "systemctl --user restart rebond) and it reads {} again, recognising by Message-ID and calendar UID what it already "
                        + "handled", name, cursor.uidValidity(), uidValidity, changes, UIDVALIDITY_CHANGE_WINDOW.toHours(), name, name);
                return null;
            }
            log.warn("UIDVALIDITY of {} changed ({} -> {}): reading the whole folder again; invitations and notes already "
                    + "handled are recognised and not acted on twice", name, cursor.uidValidity(), uidValidity);
            history.forgetFolder(name, cursor.uidValidity());
            cursor = new FolderCursors.Cursor(name, uidValidity, 0, 0);
            cursors.save(cursor); // at once: a drop during the re-read must not make this change count twice
        } else if ((seen = uidsReused(folder, cursor, opened == null ? 0 : opened.uidNext())) != null) {
            log.error("{}: {} although UIDVALIDITY ({}) did not change — a server fault "
                    + "(B40). Reading the whole folder again; what was already handled is recognised by Message-ID and calendar UID and "
                    + "not acted on twice", name, seen, uidValidity);
            history.forgetFolder(name, uidValidity);
            cursor = new FolderCursors.Cursor(name, uidValidity, 0, 0);
        }
        long modseq = opener.condstore() ? FolderOpener.highestModseq(folder) : 0;
        if (opened != null && opened.modseq() > 0 && opened.modseq() == cursor.highestModseq() && cursor.uidValidity() == uidValidity
                && folder.getMessageCount() == opened.messages()) {
            // Every message up to this HIGHESTMODSEQ was read (it is saved only once a folder is read
            // to the end), and a new message would have raised it; one that arrived since the
            // opening changed the count (or shows at the NOOP before IDLE).
            log.debug("{}: HIGHESTMODSEQ {} as at the last complete read, UIDVALIDITY {} unchanged: nothing new, no UID SEARCH",
                    name, opened.modseq(), uidValidity);
            return null;
        }
        return new Start(name, cursor, uidValidity, modseq);
    }

    /** Nothing was found after the cursor: only a new HIGHESTMODSEQ is kept. */
    void nothingAfter(Start start) {
        FolderCursors.Cursor cursor = start.cursor();
        if (start.modseq() != cursor.highestModseq()) {
            cursors.save(new FolderCursors.Cursor(start.folder(), start.uidValidity(), cursor.lastUid(), start.modseq()));
        }
    }

    /** Saves the cursor a batch leaves (in the batch's transaction, on the intake thread). */
    void save(FolderCursors.Cursor cursor) {
        cursors.save(cursor);
    }

    /**
     * What shows that UIDs are reused without a UIDVALIDITY change (B40), null when nothing does:
     * a UIDNEXT at or below the last UID read (as the server gave it when the folder was just
     * opened: no command; 0 when it was not), or the last message
     * read now carrying another Message-ID (one small FETCH per wake-up).
     */
    private String uidsReused(IMAPFolder folder, FolderCursors.Cursor cursor, long uidNextAtOpen) throws MessagingException {
        if (cursor.lastUid() <= 0) {
            return null;
        }
        long uidNext = uidNextAtOpen; // only just after an opening: Angus does not follow it for a folder kept open
        if (uidNext > 0 && uidNext <= cursor.lastUid()) {
            // The folder was emptied or restored and is numbered again from lower UIDs: new mail
            // would sit below the cursor and never be read.
            return "UIDNEXT is " + uidNext + " but rebond has read up to UID " + cursor.lastUid();
        }
        var known = history.messageIdAt(folder.getFullName(), cursor.uidValidity(), cursor.lastUid());
        if (known.isEmpty() || known.get().isBlank()) {
            return null;
        }
        var now = reader.messageIdHeader(folder, cursor.lastUid());
        if (now.isEmpty()) {
            return null; // expunged: nothing to compare
        }
        String current = HeaderSafety.messageId(now.get()).orElse("");
        return !current.isEmpty() && !current.equals(known.get()) ? "the message with UID " + cursor.lastUid() + " now has another Message-ID"
                : null;
    }
}
