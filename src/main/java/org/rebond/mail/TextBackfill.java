package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.rebond.application.MessageHistory;

/**
 * Fills in, after each pass, the text of the latest messages with the people who became contacts
 * during it, and with every contact after a long read (whose older messages were kept without
 * text: {@link MessageIntake#OWN_TEXTS}): what their briefs will read. The scan skipped these
 * texts to stay cheap.
 */
final class TextBackfill {

    /** How many of a contact's latest messages get their text (what a brief reads). */
    private static final int TEXT_FILLED_PER_CONTACT = 50;
    /**
     * How many texts are downloaded and written at a time: after a long read every contact's
     * latest messages are filled in, some 75,000 texts for a mailbox of a million messages,
     * which held all at once filled the heap to its ceiling.
     */
    static final int TEXTS_AT_ONCE = 250;

    private final ImapBatchReader reader;
    private final MessageIntake intake;
    private final MessageHistory history;
    private final FolderOpener opener;
    /** A long read kept older messages without text: the back-fill after the pass covers every contact. */
    private volatile boolean textsLeftForLater;

    TextBackfill(ImapBatchReader reader, MessageIntake intake, MessageHistory history, FolderOpener opener) {
        this.reader = reader;
        this.intake = intake;
        this.history = history;
        this.opener = opener;
    }

    /** A read kept older messages without text (only a folder's newest keep theirs): the next back-fill covers every contact. */
    void leftForLater() {
        textsLeftForLater = true;
    }

    /**
     * Downloads the text of the newest {@value #TEXT_FILLED_PER_CONTACT} messages with each new
     * contact (with every contact after a long read) that were kept without it: INBOX's on the
     * open INBOX, another folder's by opening it for the while.
     */
    void fill(Store store, IMAPFolder inbox) throws MessagingException {
        Set<String> contacts = new LinkedHashSet<>(intake.newlyKnownContacts());
        boolean afterLongRead = textsLeftForLater;
        if (afterLongRead) {
            contacts.addAll(intake.knownContacts());
        }
        Map<String, List<MessageHistory.Textless>> byFolder = new LinkedHashMap<>();
        for (String email : contacts) {
            for (MessageHistory.Textless row : history.withoutText(email, TEXT_FILLED_PER_CONTACT)) {
                byFolder.computeIfAbsent(row.folder(), f -> new ArrayList<>()).add(row);
            }
        }
        for (var entry : byFolder.entrySet()) {
            boolean isInbox = entry.getKey().equals(inbox.getFullName());
            IMAPFolder folder = isInbox ? inbox : (IMAPFolder) store.getFolder(entry.getKey());
            if (!isInbox) {
                if (!folder.exists()) {
                    continue;
                }
                opener.open(folder);
            }
            try {
                fillText(reader, intake, history, folder, entry.getValue(), TEXTS_AT_ONCE);
            } finally {
                if (!isInbox) {
                    folder.close(false);
                    opener.closed(folder.getFullName());
                }
            }
        }
        if (afterLongRead) {
            textsLeftForLater = false;
        }
    }

    /**
     * Downloads the text of these rows of one open folder, {@code atOnce} at a time: one structure
     * FETCH, then one FETCH per distinct text section, then one write.
     */
    static void fillText(ImapBatchReader reader, MessageIntake intake, MessageHistory history, IMAPFolder folder,
                         List<MessageHistory.Textless> rows, int atOnce) throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        Map<Long, MessageHistory.Textless> byUid = new HashMap<>();
        for (MessageHistory.Textless row : rows) {
            if (row.uidValidity() == uidValidity) {
                byUid.put(row.uid(), row);
            }
        }
        long[] uids = byUid.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (int from = 0; from < uids.length; from += atOnce) {
            List<ScannedMessage> scanned = reader.scan(folder, uids, from, Math.min(uids.length, from + atOnce));
            List<ImapBatchReader.PartRequest> downloads = new ArrayList<>();
            for (ScannedMessage m : scanned) {
                intake.textOf(m).ifPresent(downloads::add);
            }
            Map<String, byte[]> parts = downloads.isEmpty() ? Map.of() : reader.parts(folder, downloads);
            List<MessageHistory.Text> texts = new ArrayList<>();
            for (ScannedMessage m : scanned) {
                intake.textFor(byUid.get(m.uid()), m, parts).ifPresent(texts::add);
            }
            history.setTexts(texts);
        }
    }
}
