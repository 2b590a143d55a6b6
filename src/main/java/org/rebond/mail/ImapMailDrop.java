package org.rebond.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.HeaderTerm;
import java.util.OptionalLong;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.rebond.application.MailDrop;
import org.rebond.application.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends briefs to INBOX and drafts to Drafts over its own short connection (BAD-INPUTS B52: one
 * long-lived connection for watching, one for appending). It only ever APPENDs and SEARCHes: it
 * never changes or deletes a message, and has no way to send.
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
    public OptionalLong findByToken(OutgoingMessage.Destination destination, String token) {
        try (Store store = connector.connect()) {
            Folder folder = store.getFolder(folderName(store, destination));
            folder.open(Folder.READ_ONLY);
            try {
                return search(folder, token);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxException("cannot search " + destination + " for a delivery token: " + ImapConnector.rootMessage(e), false, e);
        }
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
            // No UIDPLUS (BAD-INPUTS B45): find the UID by the token.
            folder.open(Folder.READ_ONLY);
            try {
                return search(folder, message.token()).orElse(-1);
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
