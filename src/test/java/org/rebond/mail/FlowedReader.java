package org.rebond.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text part as a mail client that understands RFC 3676 does: soft-broken lines joined,
 * space-stuffing removed, quote depth respected. Written for the tests from the RFC, apart from
 * {@link FlowedText}, so that each checks the other.
 */
public final class FlowedReader {

    private FlowedReader() {}

    /** The decoded text of a text/plain part, un-flowed when its Content-Type says format=flowed; line breaks as {@code \n}. */
    public static String textOf(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        String text = content instanceof String s ? s : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
        ContentType type = new ContentType(part.getContentType());
        if (!"flowed".equalsIgnoreCase(type.getParameter("format"))) {
            return text;
        }
        return FlowedText.decode(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
    }

    /** Whether the part is text/plain with format=flowed. */
    public static boolean isFlowed(Part part) throws MessagingException {
        ContentType type = new ContentType(part.getContentType());
        return type.match("text/plain") && "flowed".equals(String.valueOf(type.getParameter("format")).toLowerCase(Locale.ROOT));
    }
}
