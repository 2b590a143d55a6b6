package org.rebond.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.HeaderTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.rebond.application.MailDrop;
import org.rebond.application.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends briefs to INBOX and drafts to Drafts over its own short connection (BAD-INPUTS B52: one
 * long-lived connection for watching, one for appending). It APPENDs and SEARCHes, and has no way
 * to send. Its one change to a message is removing a draft of rebond's own that it has just found
 * untouched (its Message-ID and digest), when a revision of the thank-you takes its place; with
 * UIDPLUS that draft alone is expunged (UID EXPUNGE), without it the draft is only flagged
 * \Deleted: a plain EXPUNGE would also remove what the user flagged.
 */
public final class ImapMailDrop implements MailDrop {

    private static final Logger log = LoggerFactory.getLogger(ImapMailDrop.class);

    private final ImapConnector connector;
    private final MimeWriter writer;

    public ImapMailDrop(ImapConnector connector, MimeWriter writer) {
        this.connector = connector;
        this.writer = writer;
    }

    @Override
    public OptionalLong find(OutgoingMessage.Destination destination, String token, String messageId) {
        try (Store store = connector.connect()) {
            Folder folder = store.getFolder(folderName(store, destination));
            folder.open(Folder.READ_ONLY);
            try {
                return destination == OutgoingMessage.Destination.DRAFTS ? uidOfFirst(folder, byMessageId(folder, messageId)) : search(folder, token);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot search " + destination + " for a message of rebond's: " + ImapConnector.rootMessage(e), false, e);
        }
    }

    @Override
    public DraftState draftState(String messageId, String digest) {
        try (Store store = connector.connect()) {
            Folder folder = store.getFolder(folderName(store, OutgoingMessage.Destination.DRAFTS));
            folder.open(Folder.READ_ONLY);
            try {
                return stateOf(byMessageId(folder, messageId), digest);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot look for a draft in Drafts: " + ImapConnector.rootMessage(e), false, e);
        }
    }

    @Override
    public DraftState deleteDraftIfUntouched(String messageId, String digest) {
        try (Store store = connector.connect()) {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName(store, OutgoingMessage.Destination.DRAFTS));
            folder.open(Folder.READ_WRITE);
            try {
                List<Message> found = byMessageId(folder, messageId);
                DraftState state = stateOf(found, digest);
                if (state == DraftState.UNTOUCHED) {
                    Message[] drafts = found.toArray(Message[]::new);
                    folder.setFlags(drafts, new Flags(Flags.Flag.DELETED), true);
                    if (((IMAPStore) store).hasCapability("UIDPLUS")) {
                        folder.expunge(drafts);
                    } else {
                        log.warn("the server has no UIDPLUS: the replaced draft {} is flagged deleted, not expunged (your client removes it)", messageId);
                    }
                }
                return state;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot remove the replaced draft from Drafts: " + ImapConnector.rootMessage(e), false, e);
        }
    }

    /** The messages of the folder whose Message-ID is exactly this one (SEARCH HEADER matches substrings), those flagged deleted left out. */
    private static List<Message> byMessageId(Folder folder, String messageId) throws MessagingException {
        List<Message> out = new ArrayList<>();
        if (messageId == null || messageId.isBlank()) {
            return out;
        }
        for (Message m : folder.search(new HeaderTerm("Message-ID", messageId))) {
            String[] values = m.getHeader("Message-ID");
            if (values != null && values.length > 0 && values[0].strip().equals(messageId) && !m.isSet(Flags.Flag.DELETED)) {
                out.add(m);
            }
        }
        return out;
    }

    private static DraftState stateOf(List<Message> found, String digest) throws MessagingException {
        if (found.isEmpty()) {
            return DraftState.ABSENT;
        }
        for (Message m : found) {
            if (digest == null || !digest.equals(DraftFingerprint.of(m))) {
                return DraftState.EDITED;
            }
        }
        return DraftState.UNTOUCHED;
    }

    private static OptionalLong uidOfFirst(Folder folder, List<Message> found) throws MessagingException {
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((UIDFolder) folder).getUID(found.get(0)));
    }

    private static OptionalLong search(Folder folder, String token) throws MessagingException {
        Message[] found = folder.search(new HeaderTerm(MimeWriter.TOKEN_HEADER, token));
        for (Message m : found) {
            String[] values = m.getHeader(MimeWriter.TOKEN_HEADER);
            if (values != null && values.length > 0 && values[0].strip().equals(token)) {
                return OptionalLong.of(((UIDFolder) folder).getUID(m));
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public long append(OutgoingMessage message) {
        try (Store store = connector.connect()) {
            String name = folderName(store, message.destination());
            IMAPFolder folder = (IMAPFolder) store.getFolder(name);
            AppendUID[] uids = folder.appendUIDMessages(new Message[] {writer.write(message)});
            if (uids != null && uids.length == 1 && uids[0] != null) {
                return uids[0].uid;
            }
            // No UIDPLUS (BAD-INPUTS B45): find the UID by the token, or a draft by its Message-ID.
            folder.open(Folder.READ_ONLY);
            try {
                return message.destination() == OutgoingMessage.Destination.DRAFTS
                        ? uidOfFirst(folder, byMessageId(folder, message.messageId())).orElse(-1)
                        : search(folder, message.token()).orElse(-1);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot append to " + message.destination() + ": " + ImapConnector.rootMessage(e), false, e);
        }
    }

    private String folderName(Store store, OutgoingMessage.Destination destination) throws MessagingException {
        if (destination == OutgoingMessage.Destination.INBOX) {
            return connector.config().inbox();
        }
        var found = FolderFinder.find(store, FolderFinder.Role.DRAFTS, connector.config().drafts());
        if (found.isPresent()) {
            return found.get().name();
        }
        String name = connector.config().drafts() == null || connector.config().drafts().isBlank() ? "Drafts" : connector.config().drafts();
        if (connector.config().createDrafts()) {
            Folder created = store.getFolder(name);
            if (created.create(Folder.HOLDS_MESSAGES)) {
                log.warn("created the folder {} for drafts, as mailbox.create_drafts asks", name);
                return name;
            }
        }
        throw new MailboxException("no Drafts folder found (no SPECIAL-USE \\Drafts, no folder named Drafts or Brouillons) — set mailbox.drafts "
                + "to your drafts folder, or mailbox.create_drafts: true to let rebond create one; the draft stays pending until then", false);
    }
}
