package org.rebond.calendar;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.rebond.config.RebondConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the calendar parts of a mail: {@code text/calendar}, {@code application/ics} or a file
 * name ending in {@code .ics}, depth-first, transfer-decoded, each capped in size. A calendar
 * repeated verbatim in a second part (Google and Outlook add an {@code invite.ics}) is reported
 * once (BAD-INPUTS B23). A bad part is skipped, never the whole message; multiparts nested deeper
 * than {@value #MAX_DEPTH} levels are not entered (B33).
 */
public final class CalendarParts {
    static final int MAX_DEPTH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(CalendarParts.class);

    /**
     * One calendar part.
     *
     * @param index      1-based, in depth-first MIME order, duplicates not counted
     * @param mimeMethod the {@code method=} parameter of its Content-Type, upper case, empty when none
     * @param content    the transfer-decoded bytes (at most the part cap plus one byte: an oversized
     *                   part is kept truncated so the parser refuses it with a clear reason)
     */
    public record CalendarPart(int index, String mimeMethod, byte[] content) {}

    private final RebondConfig.Limits limits;

    public CalendarParts(RebondConfig.Limits limits) {
        this.limits = limits;
    }

    /** A session with lenient MIME parsing, for reading messages from files or bytes. */
    public static Session lenientSession() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        props.setProperty("mail.mime.ignoreunknownencoding", "true");
        props.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(props);
    }

    /** Reads a whole message (at most {@code maxMessageBytes}) leniently. */
    public MimeMessage readMessage(InputStream in) throws IOException, CalendarRejected {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxMessageBytes() + 1));
        if (bytes.length > limits.maxMessageBytes()) {
            throw new CalendarRejected("message larger than " + limits.maxMessageBytes() + " bytes");
        }
        try {
            return new MimeMessage(lenientSession(), new ByteArrayInputStream(bytes));
        } catch (MessagingException unreadable) {
            throw new CalendarRejected("message could not be read as MIME: " + unreadable.getMessage());
        }
    }

    /** The calendar parts of {@code message}, depth-first. */
    public List<CalendarPart> of(Part message) {
        List<byte[]> found = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        walk(message, 0, found, methods);
        return distinct(found, methods);
    }

    /**
     * Numbers decoded calendar parts found in MIME order, a part repeated verbatim counted once (B23).
     *
     * @param contents the transfer-decoded parts
     * @param methods  the {@code method=} parameter of each, upper case, empty when none
     */
    public static List<CalendarPart> distinct(List<byte[]> contents, List<String> methods) {
        List<CalendarPart> parts = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            String normal = normalised(contents.get(i));
            if (seen.contains(normal)) continue;
            seen.add(normal);
            parts.add(new CalendarPart(parts.size() + 1, methods.get(i), contents.get(i)));
        }
        return parts;
    }

    private void walk(Part part, int depth, List<byte[]> found, List<String> methods) {
        try {
            if (part.isMimeType("multipart/*")) {
                if (depth >= MAX_DEPTH) {
                    LOG.warn("multipart nested deeper than {} levels: inner parts skipped", MAX_DEPTH);
                    return;
                }
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        walk(multipart.getBodyPart(i), depth + 1, found, methods);
                    }
                }
                return;
            }
            if (part.isMimeType("message/rfc822") && depth < MAX_DEPTH) {
                Object content = part.getContent();
                if (content instanceof Part inner) walk(inner, depth + 1, found, methods);
                return;
            }
            if (!isCalendar(part)) return;
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxCalendarPartBytes() + 1));
                found.add(bytes);
                methods.add(mimeMethod(part));
            }
        } catch (MessagingException | IOException | RuntimeException bad) {
            LOG.warn("MIME part skipped: {}", bad.toString());
        }
    }

    private static boolean isCalendar(Part part) throws MessagingException {
        if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")) return true;
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException badName) {
            name = null;
        }
        return name != null && name.strip().toLowerCase(Locale.ROOT).endsWith(".ics");
    }

    private static String mimeMethod(Part part) {
        try {
            String method = new ContentType(part.getContentType()).getParameter("method");
            return method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException badType) {
            return "";
        }
    }

    private static String normalised(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(0, end);
    }
}
