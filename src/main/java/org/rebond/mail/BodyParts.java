package org.rebond.mail;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;

/**
 * What the scan needs from a message's MIME structure, read from the BODYSTRUCTURE the batch
 * FETCH brought back, before any body is downloaded: its calendar parts and its first readable
 * text part, each named by its IMAP section so that only those bytes are fetched (attachments
 * never are).
 *
 * @param calendars the calendar parts ({@code text/calendar}, {@code application/ics}, a file
 *                  name ending in {@code .ics}), depth-first, forwarded messages included
 * @param text      the first {@code text/plain} part that is not an attachment, or null
 */
public record BodyParts(List<Section> calendars, Section text) {

    /** Multiparts (and forwarded messages) nested deeper than this are not entered (BAD-INPUTS B33). */
    static final int MAX_DEPTH = 20;
    /** Children of one multipart looked at for the text part. */
    private static final int TEXT_CHILDREN = 50;

    public static final BodyParts NONE = new BodyParts(List.of(), null);

    /**
     * One body part to download.
     *
     * @param id         its IMAP section ({@code 1}, {@code 2.1}, {@code TEXT} for a message of one part)
     * @param encoding   its Content-Transfer-Encoding, lower case ({@code 7bit} when absent)
     * @param charset    the charset parameter, empty when absent
     * @param size       its size as sent (encoded), from the structure
     * @param mimeMethod the {@code method=} parameter of a calendar part, upper case, empty when none
     */
    public record Section(String id, String encoding, String charset, long size, String mimeMethod) {}

    /** Reads the parts of one message's structure; a message without one has none. */
    public static BodyParts of(BODYSTRUCTURE structure) {
        if (structure == null) {
            return NONE;
        }
        List<Section> calendars = new ArrayList<>();
        Section[] text = {null};
        walk(structure, "", 0, calendars, text, true);
        return new BodyParts(List.copyOf(calendars), text[0]);
    }

    /**
     * Depth-first, in MIME order. {@code prefix} is the section of the enclosing part ("" at the
     * top); {@code textAllowed} is false inside a forwarded message, whose text is not the sender's.
     */
    private static void walk(BODYSTRUCTURE part, String prefix, int depth, List<Section> calendars, Section[] text, boolean textAllowed) {
        if (part.isMulti()) {
            if (depth >= MAX_DEPTH || part.bodies == null) {
                return;
            }
            for (int i = 0; i < part.bodies.length; i++) {
                String id = prefix.isEmpty() ? Integer.toString(i + 1) : prefix + "." + (i + 1);
                walkChild(part.bodies[i], id, depth + 1, calendars, text, textAllowed && i < TEXT_CHILDREN);
            }
            return;
        }
        // One part at the top: the whole body, as section TEXT.
        walkChild(part, prefix.isEmpty() ? "TEXT" : prefix, depth, calendars, text, textAllowed);
    }

    private static void walkChild(BODYSTRUCTURE part, String id, int depth, List<Section> calendars, Section[] text, boolean textAllowed) {
        if (part.isMulti()) {
            walk(part, id, depth, calendars, text, textAllowed);
            return;
        }
        if (part.isNested()) {
            // message/rfc822: a forwarded invitation is still an invitation; its text is someone else's.
            if (depth >= MAX_DEPTH || part.bodies == null || part.bodies.length == 0 || part.bodies[0] == null) {
                return;
            }
            BODYSTRUCTURE inner = part.bodies[0];
            if (inner.isMulti()) {
                walk(inner, id, depth + 1, calendars, text, false);
            } else {
                walkChild(inner, id + ".TEXT", depth + 1, calendars, text, false);
            }
            return;
        }
        String type = lower(part.type) + "/" + lower(part.subtype);
        if (isCalendar(type, part)) {
            calendars.add(section(part, id, param(part.cParams, "method").toUpperCase(Locale.ROOT)));
        } else if (textAllowed && text[0] == null && type.equals("text/plain") && !"attachment".equalsIgnoreCase(part.disposition)) {
            text[0] = section(part, id, "");
        }
    }

    private static boolean isCalendar(String type, BODYSTRUCTURE part) {
        if (type.equals("text/calendar") || type.equals("application/ics")) {
            return true;
        }
        String name = param(part.dParams, "filename");
        if (name.isEmpty()) {
            name = param(part.cParams, "name");
        }
        if (name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException | RuntimeException undecodable) {
                // the raw name is checked as it is
            }
        }
        return name.strip().toLowerCase(Locale.ROOT).endsWith(".ics");
    }

    private static Section section(BODYSTRUCTURE part, String id, String method) {
        String encoding = part.encoding == null || part.encoding.isBlank() ? "7bit" : part.encoding.strip().toLowerCase(Locale.ROOT);
        return new Section(id, encoding, param(part.cParams, "charset"), Math.max(part.size, 0), method.strip());
    }

    private static String param(ParameterList params, String name) {
        if (params == null) {
            return "";
        }
        try {
            String value = params.get(name);
            return value == null ? "" : value;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
