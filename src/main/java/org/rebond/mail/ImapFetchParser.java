package org.rebond.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one untagged FETCH response of a scan straight from its bytes ({@code * 12 FETCH (UID 40
 * RFC822.SIZE 5120 BODYSTRUCTURE (…) BODY[HEADER.FIELDS (…)] {311}…)}, literals inline as the
 * connection delivered them), keeping only what the scan uses: the UID, the size, the calendar
 * and text parts of the structure ({@link BodyParts}), the header fields, downloaded sections and
 * INTERNALDATE. Jakarta Mail's parser builds a full object tree per message (every parameter
 * decoded, every string copied twice); on a first scan of 100,000 messages that tree was a large
 * share of the daemon's CPU.
 *
 * <p>Hostile input (BAD-INPUTS B33): a structure nested deeper than {@value #MAX_NESTING} lists,
 * or one that does not follow the grammar, makes that message's {@link Fetched#problem()}, never
 * an exception or a deep recursion; the values around it are still read.
 */
final class ImapFetchParser {

    /** Lists nested deeper than this in a BODYSTRUCTURE make it unreadable (BodyParts stops at 20 parts deep anyway). */
    static final int MAX_NESTING = 100;

    private static final DateTimeFormatter INTERNALDATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss Z").toFormatter(Locale.ENGLISH);

    private ImapFetchParser() { }

    /**
     * What one FETCH response carried.
     *
     * @param uid          its UID, -1 when the response names none (a flag change without UID)
     * @param size         RFC822.SIZE, -1 when absent
     * @param parts        the parts of its BODYSTRUCTURE, {@link BodyParts#NONE} when absent or unreadable
     * @param problem      why its structure could not be read, empty when it could (or was not asked for)
     * @param headers      the header fields fetched, null when none were
     * @param sections     the bodies fetched, by upper-case section ({@code 2}, {@code 1.TEXT}, {@code TEXT})
     * @param internalDate INTERNALDATE, null when absent or unreadable
     */
    record Fetched(long uid, long size, BodyParts parts, String problem, HeaderFields headers, Map<String, byte[]> sections,
                   Date internalDate) {}

    /** The response does not follow the FETCH grammar at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** True when these bytes are an untagged FETCH response ({@code * <number> FETCH }). */
    static boolean isFetch(byte[] b, int length) {
        if (length < 10 || b[0] != '*' || b[1] != ' ') {
            return false;
        }
        int i = 2;
        while (i < length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i > 2 && i + 6 < length && b[i] == ' ' && (b[i + 1] | 0x20) == 'f' && (b[i + 2] | 0x20) == 'e' && (b[i + 3] | 0x20) == 't'
                && (b[i + 4] | 0x20) == 'c' && (b[i + 5] | 0x20) == 'h' && b[i + 6] == ' ';
    }

    /**
     * Reads an untagged FETCH response ({@link #isFetch} true) of {@code length} bytes, its final
     * CRLF included or not. A response that breaks the grammar after its UID is that message's
     * problem; before it, it is {@link Unreadable}.
     */
    static Fetched parse(byte[] b, int length) throws Unreadable {
        Cursor c = new Cursor(b, length);
        c.pos = 2;
        while (c.pos < length && b[c.pos] != ' ') {
            c.pos++;
        }
        c.pos += " FETCH ".length();
        c.expect('(');
        long uid = -1;
        long size = -1;
        BodyParts parts = BodyParts.NONE;
        String problem = "";
        HeaderFields headers = null;
        Map<String, byte[]> sections = null;
        Date internalDate = null;
        try {
            while (true) {
                c.skipSpaces();
                if (c.pos >= length) {
                    throw new Unreadable("the response ends before its closing parenthesis");
                }
                if (b[c.pos] == ')') {
                    break;
                }
                String name = c.itemName();
                String section = null;
                if (c.peek() == '[') {
                    section = c.bracketed();
                    if (c.peek() == '<') {
                        c.until('>');
                    }
                }
                c.skipSpaces();
                switch (name) {
                    case "UID" -> uid = c.number();
                    case "RFC822.SIZE" -> size = c.number();
                    case "BODYSTRUCTURE" -> {
                        int start = c.pos;
                        c.skipValue();
                        try {
                            Cursor structure = new Cursor(b, c.pos);
                            structure.pos = start;
                            parts = BodyParts.of(structure.list(0));
                        } catch (Unreadable | RuntimeException | StackOverflowError e) {
                            parts = BodyParts.NONE;
                            problem = "its structure could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
                        }
                    }
                    case "BODY", "BINARY" -> {
                        if (section == null) {
                            c.skipValue(); // BODY without a section: the non-extensible structure
                            break;
                        }
                        int[] range = c.nstring();
                        String key = section.toUpperCase(Locale.ROOT);
                        if (key.startsWith("HEADER")) {
                            headers = range == null ? HeaderFields.EMPTY : HeaderFields.parse(b, range[0], range[1] - range[0]);
                        } else {
                            if (sections == null) {
                                sections = new HashMap<>(4);
                            }
                            sections.put(key, range == null ? new byte[0] : Arrays.copyOfRange(b, range[0], range[1]));
                        }
                    }
                    case "INTERNALDATE" -> {
                        int[] range = c.nstring();
                        internalDate = range == null ? null : date(new String(b, range[0], range[1] - range[0], StandardCharsets.US_ASCII));
                    }
                    default -> c.skipValue(); // FLAGS, MODSEQ, ENVELOPE …: not the scan's
                }
            }
        } catch (Unreadable broken) {
            if (uid < 0) {
                throw broken;
            }
            return new Fetched(uid, size, BodyParts.NONE, "the server's description of it could not be read (" + broken.getMessage() + ")",
                    null, Map.of(), null);
        }
        return new Fetched(uid, size, parts, problem, headers, sections == null ? Map.of() : sections, internalDate);
    }

    private static Date date(String value) {
        try {
            return Date.from(ZonedDateTime.parse(value.strip(), INTERNALDATE).toInstant());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A read position in one response. */
    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private int pos;

        Cursor(byte[] b, int end) {
            this.b = b;
            this.end = end;
        }

        int peek() {
            return pos < end ? b[pos] : -1;
        }

        void skipSpaces() {
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
        }

        void expect(char ch) throws Unreadable {
            if (peek() != ch) {
                throw new Unreadable("'" + ch + "' expected at byte " + pos);
            }
            pos++;
        }

        /** An item name: an atom up to a space, a bracket or a parenthesis, upper case. */
        String itemName() throws Unreadable {
            int start = pos;
            while (pos < end && b[pos] != ' ' && b[pos] != '[' && b[pos] != '(' && b[pos] != ')') {
                pos++;
            }
            if (pos == start) {
                throw new Unreadable("an item name expected at byte " + pos);
            }
            return new String(b, start, pos - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        }

        /** {@code [section]}, nested brackets and quoted names allowed; returns what is inside. */
        String bracketed() throws Unreadable {
            int start = ++pos;
            int depth = 1;
            while (pos < end) {
                byte ch = b[pos];
                if (ch == '"') {
                    skipQuoted();
                    continue;
                }
                pos++;
                if (ch == '[') {
                    depth++;
                } else if (ch == ']' && --depth == 0) {
                    return new String(b, start, pos - 1 - start, StandardCharsets.US_ASCII);
                }
            }
            throw new Unreadable("a section without its closing bracket");
        }

        void until(char ch) throws Unreadable {
            while (pos < end && b[pos] != ch) {
                pos++;
            }
            if (pos >= end) {
                throw new Unreadable("'" + ch + "' expected");
            }
            pos++;
        }

        long number() throws Unreadable {
            int start = pos;
            long n = 0;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9' && pos - start < 19) {
                n = n * 10 + (b[pos++] - '0');
            }
            if (pos == start) {
                throw new Unreadable("a number expected at byte " + start);
            }
            return n;
        }

        /** A string, a literal or NIL: the range of its bytes ({@code [from, to)}), null for NIL. */
        int[] nstring() throws Unreadable {
            int ch = peek();
            if (ch == '"') {
                int start = pos + 1;
                skipQuoted();
                return new int[] {start, pos - 1}; // escapes kept: a quoted body or date holds none in practice
            }
            if (ch == '{' || ch == '~') {
                int length = literalLength();
                int start = pos;
                pos += length;
                return new int[] {start, start + length};
            }
            int start = pos;
            atomEnd();
            String atom = new String(b, start, pos - start, StandardCharsets.US_ASCII);
            if (atom.equalsIgnoreCase("NIL")) {
                return null;
            }
            throw new Unreadable("a string expected at byte " + start);
        }

        /** After {@code {n}CRLF} (or {@code ~{n}}): returns n, the position on the first byte of the literal. */
        int literalLength() throws Unreadable {
            if (peek() == '~') {
                pos++;
            }
            expect('{');
            long n = number();
            if (peek() == '+') {
                pos++;
            }
            expect('}');
            if (pos + 1 < end && b[pos] == '\r' && b[pos + 1] == '\n') {
                pos += 2;
            } else if (pos < end && b[pos] == '\n') {
                pos++;
            } else {
                throw new Unreadable("a literal without its line break");
            }
            if (n > end - pos) {
                throw new Unreadable("a literal of " + n + " bytes where " + (end - pos) + " are left");
            }
            return (int) n;
        }

        void skipLiteral() throws Unreadable {
            int length = literalLength(); // (not "pos += literalLength()": that adds to the position before the call)
            pos += length;
        }

        void skipQuoted() throws Unreadable {
            pos++; // the opening quote
            while (pos < end) {
                byte ch = b[pos++];
                if (ch == '\\') {
                    pos++;
                } else if (ch == '"') {
                    return;
                }
            }
            throw new Unreadable("a quoted string without its closing quote");
        }

        void atomEnd() {
            while (pos < end && b[pos] != ' ' && b[pos] != ')' && b[pos] != '(' && b[pos] != '\r' && b[pos] != '\n') {
                pos++;
            }
        }

        /** Skips one value of any shape, lists of any depth included, without recursion. */
        void skipValue() throws Unreadable {
            int ch = peek();
            if (ch == '"') {
                skipQuoted();
                return;
            }
            if (ch == '{' || ch == '~') {
                skipLiteral();
                return;
            }
            if (ch != '(') {
                atomEnd();
                return;
            }
            int depth = 0;
            while (pos < end) {
                byte x = b[pos];
                if (x == '"') {
                    skipQuoted();
                } else if (x == '{') {
                    skipLiteral();
                } else {
                    pos++;
                    if (x == '(') {
                        depth++;
                    } else if (x == ')' && --depth == 0) {
                        return;
                    }
                }
            }
            throw new Unreadable("a list without its closing parenthesis");
        }

        /** A parenthesized list: strings, nested lists and null for NIL. */
        List<Object> list(int depth) throws Unreadable {
            if (depth > MAX_NESTING) {
                throw new Unreadable("nested more than " + MAX_NESTING + " deep");
            }
            expect('(');
            List<Object> out = new ArrayList<>(8);
            while (true) {
                skipSpaces();
                int ch = peek();
                if (ch == -1) {
                    throw new Unreadable("a list without its closing parenthesis");
                }
                if (ch == ')') {
                    pos++;
                    return out;
                }
                if (ch == '(') {
                    out.add(list(depth + 1));
                } else if (ch == '"') {
                    out.add(quoted());
                } else if (ch == '{' || ch == '~') {
                    int length = literalLength();
                    out.add(new String(b, pos, length, StandardCharsets.UTF_8));
                    pos += length;
                } else {
                    int start = pos;
                    atomEnd();
                    if (pos == start) {
                        throw new Unreadable("unexpected byte " + (b[pos] & 0xFF) + " at " + pos);
                    }
                    String atom = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
                    out.add(atom.equalsIgnoreCase("NIL") ? null : atom);
                }
            }
        }

        private String quoted() throws Unreadable {
            int start = ++pos;
            boolean escaped = false;
            while (pos < end && b[pos] != '"') {
                if (b[pos] == '\\') {
                    escaped = true;
                    pos++;
                }
                pos++;
            }
            if (pos >= end) {
                throw new Unreadable("a quoted string without its closing quote");
            }
            String s = new String(b, start, pos - start, StandardCharsets.UTF_8);
            pos++;
            return escaped ? s.replaceAll("\\\\(.)", "$1") : s;
        }
    }
}
