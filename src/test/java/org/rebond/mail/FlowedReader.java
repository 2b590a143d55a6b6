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
        return unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
    }

    /** The logical lines of a format=flowed body (RFC 3676 §4.1 to §4.5), joined with {@code \n}. */
    public static String unflow(String body, boolean delSp) {
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing (§4.4), or the space after quote marks
            }
            boolean signature = line.equals("-- ");
            boolean flowed = !signature && line.endsWith(" ");
            if (flowed && delSp) {
                line = line.substring(0, line.length() - 1);
            }
            if (paragraph != null && depth != paragraphDepth) {
                out.add(quoted(paragraphDepth, paragraph.toString())); // a quote depth change ends a paragraph (§4.5)
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(line);
            if (!flowed) {
                out.add(quoted(depth, paragraph.toString()));
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.add(quoted(paragraphDepth, paragraph.toString()));
        }
        return String.join("\n", out);
    }

    private static String quoted(int depth, String text) {
        return ">".repeat(depth) + (depth > 0 ? " " : "") + text;
    }

    /** Whether the part is text/plain with format=flowed. */
    public static boolean isFlowed(Part part) throws MessagingException {
        ContentType type = new ContentType(part.getContentType());
        return type.match("text/plain") && "flowed".equals(String.valueOf(type.getParameter("format")).toLowerCase(Locale.ROOT));
    }
}
