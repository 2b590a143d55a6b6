package org.rebond.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.rebond.application.DraftDigest;

/**
 * The {@link DraftDigest} of a draft as it sits in the mailbox: its subject and its first
 * text/plain part, read as a client shows it (transfer encoding and charset decoded, a
 * format=flowed body un-flowed). A draft rebond wrote and nobody touched gives the digest rebond
 * kept when it wrote it.
 */
final class DraftFingerprint {

    private static final int MAX_DEPTH = 20;

    private DraftFingerprint() {}

    static String of(Message message) throws MessagingException {
        try {
            String text = firstText(message, 0);
            return DraftDigest.of(message.getSubject(), text == null ? "" : text);
        } catch (IOException e) {
            throw new MessagingException("cannot read the draft's text: " + e.getMessage(), e);
        }
    }

    private static String firstText(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstText(multipart.getBodyPart(i), depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!part.isMimeType("text/plain")) {
            return null;
        }
        Object content = part.getContent();
        String text = content instanceof String s ? s : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
        ContentType type = new ContentType(part.getContentType());
        return "flowed".equalsIgnoreCase(type.getParameter("format"))
                ? FlowedText.decode(text, "yes".equalsIgnoreCase(type.getParameter("delsp"))) : text;
    }
}
