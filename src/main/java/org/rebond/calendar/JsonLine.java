package org.rebond.calendar;

import java.util.List;

/**
 * A minimal JSON object writer, on one line, for {@code rebond inspect} and {@code rebond status --json};
 * keys keep their order. Values: null, booleans, integers, nested objects, lists, and anything else
 * as a string (its {@code toString}: an {@link java.time.OffsetDateTime} gives ISO-8601 with its offset).
 */
public final class JsonLine {
    private final StringBuilder out = new StringBuilder("{");

    public JsonLine put(String key, Object value) {
        if (out.length() > 1) out.append(", ");
        string(key);
        out.append(": ");
        value(value);
        return this;
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof JsonLine nested) {
            out.append(nested);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(", ");
                value(list.get(i));
            }
            out.append(']');
        } else {
            string(value.toString());
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** The object as JSON text. */
    public String text() {
        return out + "}";
    }

    @Override
    public String toString() {
        return text();
    }
}
