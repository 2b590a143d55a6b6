package org.rebond.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What the scan needs from a message's MIME structure, read from the BODYSTRUCTURE the batch
 * FETCH brought back, before any body is downloaded: its calendar parts and its first readable
 * text part, each named by its IMAP section so that only those bytes are fetched (attachments
 * never are).
 *
 * @param calendars the calendar parts ({@code text/calendar}, {@code application/ics}, a file
 *                  name ending in {@code .ics}), depth-first, forwarded messages included
 * @param text      the first {@code text/plain} part that is not an attachment, or null
 * @param unread    why some parts were not looked at (nested too deep), empty when every part was
 */
public record BodyParts(List<Section> calendars, Section text, String unread) {

    /** Multiparts (and forwarded messages) nested deeper than this are not entered (BAD-INPUTS B33). */
    static final int MAX_DEPTH = 20;
    /** Children of one multipart looked at for the text part. */
    private static final int TEXT_CHILDREN = 50;

    public static final BodyParts NONE = new BodyParts(List.of(), null, "");

    /**
     * One body part to download.
     *
     * @param id         its IMAP section ({@code 1}, {@code 2.1}, {@code TEXT} for a message of one part)
     * @param encoding   its Content-Transfer-Encoding, lower case ({@code 7bit} when absent)
     * @param charset    the charset parameter, empty when absent
     * @param size       its size as sent (encoded), from the structure
     * @param mimeMethod the {@code method=} parameter of a calendar part, upper case, empty when none
     * @param flowed     a text part with {@code format=flowed} (RFC 3676), whose soft line breaks are joined when read
     * @param delSp      with {@code delsp=yes}: the space before a soft line break is not part of the text
     */
    public record Section(String id, String encoding, String charset, long size, String mimeMethod, boolean flowed, boolean delSp) {
        public Section(String id, String encoding, String charset, long size, String mimeMethod) {
            this(id, encoding, charset, size, mimeMethod, false, false);
        }
    }

    /**
     * Reads the parts of one message's structure, as {@link ImapFetchParser} reads a BODYSTRUCTURE:
     * lists of values, a value being a string, a list or null (NIL). A message without one has none.
     */
    public static BodyParts of(List<Object> structure) {
        if (structure == null || structure.isEmpty()) {
            return NONE;
        }
        List<Section> calendars = new ArrayList<>();
        Section[] text = {null};
        boolean[] tooDeep = {false};
        walk(structure, "", 0, calendars, text, true, tooDeep);
        return new BodyParts(List.copyOf(calendars), text[0], tooDeep[0]
                ? "parts nested more than " + MAX_DEPTH + " levels deep were not read; an invitation among them was not seen" : "");
    }

    /**
     * Depth-first, in MIME order. {@code prefix} is the section of the enclosing part ("" at the
     * top); {@code textAllowed} is false inside a forwarded message, whose text is not the sender's.
     */
    private static void walk(List<Object> part, String prefix, int depth, List<Section> calendars, Section[] text, boolean textAllowed,
                             boolean[] tooDeep) {
        if (isMulti(part)) {
            if (depth >= MAX_DEPTH) {
                tooDeep[0] = true;
                return;
            }
            for (int i = 0; i < part.size() && part.get(i) instanceof List<?> child; i++) {
                String id = prefix.isEmpty() ? Integer.toString(i + 1) : prefix + "." + (i + 1);
                walkChild(list(child), id, depth + 1, calendars, text, textAllowed && i < TEXT_CHILDREN, tooDeep);
            }
            return;
        }
        // One part at the top: the whole body, as section TEXT.
        walkChild(part, prefix.isEmpty() ? "TEXT" : prefix, depth, calendars, text, textAllowed, tooDeep);
    }

    private static void walkChild(List<Object> part, String id, int depth, List<Section> calendars, Section[] text, boolean textAllowed,
                                  boolean[] tooDeep) {
        if (part.isEmpty()) {
            return;
        }
        if (isMulti(part)) {
            walk(part, id, depth, calendars, text, textAllowed, tooDeep);
            return;
        }
        String type = lower(string(part, 0)) + "/" + lower(string(part, 1));
        if (type.equals("message/rfc822")) {
            // A forwarded invitation is still an invitation; its text is someone else's.
            // (type subtype params id desc enc size envelope body lines …)
            if (!(part.size() > 8 && part.get(8) instanceof List<?> inner) || inner.isEmpty()) {
                return;
            }
            if (depth >= MAX_DEPTH) {
                tooDeep[0] = true;
                return;
            }
            if (isMulti(list(inner))) {
                walk(list(inner), id, depth + 1, calendars, text, false, tooDeep);
            } else {
                walkChild(list(inner), id + ".TEXT", depth + 1, calendars, text, false, tooDeep);
            }
            return;
        }
        // (type subtype params id desc enc size [lines, for text/*] md5 disposition …)
        int dispositionAt = type.startsWith("text/") ? 9 : 8;
        List<Object> disposition = part.size() > dispositionAt && part.get(dispositionAt) instanceof List<?> d ? list(d) : List.of();
        if (isCalendar(type, part, disposition)) {
            calendars.add(section(part, id, param(part, 2, "method").toUpperCase(Locale.ROOT)));
        } else if (textAllowed && text[0] == null && type.equals("text/plain") && !"attachment".equalsIgnoreCase(string(disposition, 0).strip())) {
            text[0] = section(part, id, "");
        }
    }

    /** A multipart's list starts with its first child's list. */
    private static boolean isMulti(List<Object> part) {
        return !part.isEmpty() && part.get(0) instanceof List;
    }

    private static boolean isCalendar(String type, List<Object> part, List<Object> disposition) {
        if (type.equals("text/calendar") || type.equals("application/ics")) {
            return true;
        }
        String name = param(disposition, 1, "filename");
        if (name.isEmpty()) {
            name = param(part, 2, "name");
        }
        if (name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException | RuntimeException undecodable) {
                // the raw name is checked as it is
            }
        }
        return name.strip().toLowerCase(Locale.ROOT).endsWith(".ics");
    }

    private static Section section(List<Object> part, String id, String method) {
        String encoding = lower(string(part, 5));
        long size;
        try {
            size = Math.max(Long.parseLong(string(part, 6).strip()), 0);
        } catch (NumberFormatException notANumber) {
            size = 0;
        }
        // A server's strings may carry control characters (a NUL inside a quoted method= was seen by the fuzzer): never past here.
        return new Section(id, encoding.isEmpty() ? "7bit" : encoding, HeaderSafety.oneLine(param(part, 2, "charset")), size,
                HeaderSafety.oneLine(method), "flowed".equalsIgnoreCase(param(part, 2, "format").strip()),
                "yes".equalsIgnoreCase(param(part, 2, "delsp").strip()));
    }

    /**
     * A parameter of the list at {@code index} ({@code ("NAME" "value" …)}), empty when absent. RFC 2231
     * forms are read too: {@code name*} ({@code charset'lang'percent-encoded}) and continuations
     * {@code name*0}, {@code name*1*} ….
     */
    static String param(List<Object> part, int index, String name) {
        if (part.size() <= index || !(part.get(index) instanceof List<?> params)) {
            return "";
        }
        String plain = null;
        String extended = null;
        TreeMap<Integer, String> pieces = null;
        for (int i = 0; i + 1 < params.size(); i += 2) {
            if (!(params.get(i) instanceof String key) || !(params.get(i + 1) instanceof String value)) {
                continue;
            }
            String k = key.strip().toLowerCase(Locale.ROOT);
            if (k.equals(name)) {
                plain = value;
            } else if (k.equals(name + "*")) {
                extended = value;
            } else if (k.startsWith(name + "*")) {
                String n = k.substring(name.length() + 1);
                boolean encoded = n.endsWith("*");
                try {
                    int at = Integer.parseInt(encoded ? n.substring(0, n.length() - 1) : n);
                    if (at >= 0 && at < 100) {
                        if (pieces == null) {
                            pieces = new TreeMap<>();
                        }
                        pieces.put(at, encoded ? "*" + value : value);
                    }
                } catch (NumberFormatException notAPiece) {
                    // another parameter whose name starts the same way
                }
            }
        }
        if (plain != null) {
            return plain;
        }
        if (extended != null) {
            return Rfc2231.decode(extended, true);
        }
        if (pieces == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (String piece : pieces.values()) {
            boolean encoded = piece.startsWith("*");
            String value = encoded ? piece.substring(1) : piece;
            joined.append(encoded ? Rfc2231.decode(value, first) : value);
            first = false;
        }
        return joined.toString();
    }

    private static String string(List<Object> values, int index) {
        return values.size() > index && values.get(index) instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(List<?> values) {
        return (List<Object>) values;
    }

    private static String lower(String s) {
        return HeaderSafety.oneLine(s).toLowerCase(Locale.ROOT);
    }

    /** RFC 2231 extended values: {@code charset'language'text} with {@code %XX} escapes. */
    private static final class Rfc2231 {
        private Rfc2231() { }

        /** @param withCharset the value starts with {@code charset'language'} (a whole value, or the first piece) */
        static String decode(String value, boolean withCharset) {
            Charset charset = StandardCharsets.UTF_8;
            String text = value;
            if (withCharset) {
                int first = value.indexOf('\'');
                int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
                if (second >= 0) {
                    try {
                        String name = value.substring(0, first).strip();
                        if (!name.isEmpty()) {
                            charset = Charset.forName(MimeUtility.javaCharset(name));
                        }
                    } catch (RuntimeException unknownCharset) {
                        // UTF-8 it is
                    }
                    text = value.substring(second + 1);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int hi = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 2;
                } else {
                    byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(raw, 0, raw.length);
                }
            }
            return bytes.toString(charset);
        }
    }
}
