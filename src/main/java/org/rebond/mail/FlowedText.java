package org.rebond.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the text rebond writes as RFC 3676 {@code format=flowed} ({@code delsp=no}), so that a
 * mail client showing the text part at 80 columns shows paragraphs wrapped at {@value #WIDTH}
 * columns, and a client that understands flowed text joins them again to its own width.
 *
 * <ul>
 *   <li>A source line longer than {@value #WIDTH} code points is cut after a space (a soft break:
 *       the line ends with that space, §4.2). A word longer than the width is never cut: its line
 *       runs long.</li>
 *   <li>Only U+0020 breaks a line: never a no-break space (U+00A0, U+202F), and never a space that
 *       stands before {@code ? ! : ; »} or after {@code «}, so French punctuation written with an
 *       ordinary space does not start or end a line either.</li>
 *   <li>Every source line break stays a hard break. A source line that ends with a space, which a
 *       flowed line cannot end on, is followed by an empty line: the reader joins the two and gets
 *       the line back, trailing space and all.</li>
 *   <li>A line starting with a space, {@code >} or {@code From } is space-stuffed (§4.4); the
 *       signature separator {@code "-- "} is written as it is (§4.3).</li>
 * </ul>
 *
 * Reading the result as flowed text (joining soft-broken lines, removing the stuffing) gives back
 * the source text exactly, its line breaks as {@code \n}.
 */
public final class FlowedText {

    /** Where paragraphs are wrapped, in code points (RFC 3676 §4.2 recommends 66 or 72). */
    public static final int WIDTH = 72;

    /** The Content-Type of a text part written by {@link #encode}. */
    public static final String CONTENT_TYPE = "text/plain; charset=UTF-8; format=flowed; delsp=no";

    private static final String SIGNATURE_SEPARATOR = "-- ";

    private FlowedText() {}

    /** The text as flowed lines, separated by CRLF. */
    public static String encode(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.equals(SIGNATURE_SEPARATOR)) {
                out.add(line);
                continue;
            }
            List<String> pieces = wrap(line);
            for (String piece : pieces) {
                out.add(stuffed(piece));
            }
            if (line.endsWith(" ")) {
                out.add(""); // ends the paragraph the trailing space left open
            }
        }
        return String.join("\r\n", out);
    }

    /**
     * The line cut into pieces of at most {@link #WIDTH} code points before their trailing spaces;
     * each piece but the last ends with the space(s) it was cut after.
     */
    static List<String> wrap(String line) {
        List<String> pieces = new ArrayList<>();
        int visibleEnd = line.length();
        while (visibleEnd > 0 && line.charAt(visibleEnd - 1) == ' ') {
            visibleEnd--;
        }
        int start = 0;
        while (longerThanWidth(line, start, visibleEnd)) {
            int cut = cutPoint(line, start);
            if (cut < 0) {
                break;
            }
            pieces.add(line.substring(start, cut));
            start = cut;
        }
        pieces.add(line.substring(start));
        return pieces;
    }

    /** Whether more than {@link #WIDTH} code points lie between {@code start} and {@code end}, counting no further than needed. */
    private static boolean longerThanWidth(String line, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i += Character.charCount(line.codePointAt(i))) {
            if (++count > WIDTH) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where to cut the rest of the line starting at {@code start}: the last break within the width,
     * else (a word longer than the width) the first one after it; -1 when there is none.
     */
    private static int cutPoint(String line, int start) {
        int best = -1;
        int visible = 0; // code points from start to the end of the last non-space
        int width = 0;   // code points from start to i
        for (int i = start; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int next = i + Character.charCount(cp);
            width++;
            if (cp != ' ') {
                visible = width;
            } else if (next < line.length() && line.charAt(next) != ' ' && canBreakAfter(line, start, next)) {
                if (visible <= WIDTH) {
                    best = next;
                } else {
                    return best >= 0 ? best : next;
                }
            }
            if (visible > WIDTH && best >= 0) {
                return best;
            }
            i = next;
        }
        return best;
    }

    /** Whether the spaces ending just before {@code next} may end a line that began at {@code start}. */
    private static boolean canBreakAfter(String line, int start, int next) {
        int lastSpace = next - 1;
        int firstSpace = lastSpace;
        while (firstSpace > start && line.charAt(firstSpace - 1) == ' ') {
            firstSpace--;
        }
        if (firstSpace == start) {
            return false; // nothing but spaces before: an indent, not a word to end a line on
        }
        char before = line.charAt(firstSpace - 1);
        char after = line.charAt(next);
        if (before == '«' || "?!:;»".indexOf(after) >= 0) {
            return false; // French spacing written with an ordinary space
        }
        boolean pieceIsSeparator = next - start == SIGNATURE_SEPARATOR.length() && line.startsWith(SIGNATURE_SEPARATOR, start);
        boolean restIsSeparator = line.length() - next == SIGNATURE_SEPARATOR.length() && line.startsWith(SIGNATURE_SEPARATOR, next);
        if (pieceIsSeparator || restIsSeparator) {
            return false; // a piece "-- " would read as a signature separator
        }
        return true;
    }

    /** The piece with a leading space when it starts with a space, {@code >} or {@code From } (§4.4). */
    private static String stuffed(String piece) {
        return piece.startsWith(" ") || piece.startsWith(">") || piece.startsWith("From ") ? " " + piece : piece;
    }

    /** The logical lines of a format=flowed body (RFC 3676 §4.1 to §4.5), joined with {@code \n}. */
    public static String decode(String body, boolean delSp) {
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
}
