package org.rebond.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header fields a scan fetched ({@code BODY.PEEK[HEADER.FIELDS (…)]}), split into fields
 * once. A value is what follows the colon, leading white space skipped, folded lines kept with
 * their CRLF (callers unfold). Bytes are read as UTF-8 (RFC 6532), an invalid sequence becoming
 * a replacement character; a line that is not a field is skipped; the first empty line ends the
 * header.
 */
final class HeaderFields {

    static final HeaderFields EMPTY = new HeaderFields(List.of(), List.of());

    private final List<String> names;
    private final List<String> values;

    private HeaderFields(List<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    static HeaderFields parse(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>(10);
        List<String> values = new ArrayList<>(10);
        StringBuilder folded = null;
        int start = 0;
        int end = text.length();
        while (start < end) {
            int eol = text.indexOf('\n', start);
            int next = eol < 0 ? end : eol + 1;
            int lineEnd = eol < 0 ? end : (eol > start && text.charAt(eol - 1) == '\r' ? eol - 1 : eol);
            if (lineEnd == start) {
                break; // the empty line after the header
            }
            char first = text.charAt(start);
            if ((first == ' ' || first == '\t') && !values.isEmpty()) {
                if (folded == null) {
                    folded = new StringBuilder(values.get(values.size() - 1));
                }
                folded.append("\r\n").append(text, start, lineEnd);
            } else {
                if (folded != null) {
                    values.set(values.size() - 1, folded.toString());
                    folded = null;
                }
                int colon = text.indexOf(':', start);
                if (colon > start && colon < lineEnd) {
                    int v = colon + 1;
                    while (v < lineEnd && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                        v++;
                    }
                    names.add(text.substring(start, colon).strip());
                    values.add(text.substring(v, lineEnd));
                }
            }
            start = next;
        }
        if (folded != null) {
            values.set(values.size() - 1, folded.toString());
        }
        return new HeaderFields(names, values);
    }

    /** The first value of a field, null when absent. */
    String first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of a field in order, null when absent. */
    String[] all(String name) {
        List<String> out = null;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(values.get(i));
            }
        }
        return out == null ? null : out.toArray(String[]::new);
    }
}
