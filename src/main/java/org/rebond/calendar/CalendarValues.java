package org.rebond.calendar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Reading single iCalendar values: dates, offsets, integers, TEXT, calendar addresses. */
final class CalendarValues {
    private CalendarValues() {}

    /** {@code 20240305T090000}, with or without a trailing Z, or {@code 20240305} (midnight); null when not a real date. */
    static LocalDateTime localDateTime(String value) {
        String v = value == null ? "" : value.strip();
        if (v.endsWith("Z") || v.endsWith("z")) v = v.substring(0, v.length() - 1);
        try {
            if (v.length() == 8 && digits(v)) {
                return date(v).atStartOfDay();
            }
            if (v.length() >= 13 && v.charAt(8) == 'T' || v.length() >= 13 && v.charAt(8) == 't') {
                String time = v.substring(9);
                if (!digits(v.substring(0, 8)) || time.length() < 4 || !digits(time.substring(0, Math.min(6, time.length())))) return null;
                int hour = Integer.parseInt(time.substring(0, 2));
                int minute = Integer.parseInt(time.substring(2, 4));
                int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
                if (second == 60) second = 59; // leap second
                return date(v.substring(0, 8)).atTime(hour, minute, second);
            }
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
        return null;
    }

    static boolean isDateOnly(String value) {
        String v = value == null ? "" : value.strip();
        return v.length() == 8 && digits(v);
    }

    static boolean isUtc(String value) {
        String v = value == null ? "" : value.strip();
        return v.endsWith("Z") || v.endsWith("z");
    }

    private static LocalDate date(String yyyymmdd) {
        return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                Integer.parseInt(yyyymmdd.substring(6, 8)));
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** {@code +0100}, {@code -0700}, {@code +013000}, {@code +01:00}. */
    static Optional<ZoneOffset> offset(String value) {
        String v = value == null ? "" : value.strip().replace(":", "");
        if (v.length() < 5 || (v.charAt(0) != '+' && v.charAt(0) != '-') || !digits(v.substring(1))) return Optional.empty();
        try {
            int sign = v.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(v.substring(1, 3));
            int minutes = Integer.parseInt(v.substring(3, 5));
            int seconds = v.length() >= 7 ? Integer.parseInt(v.substring(5, 7)) : 0;
            return Optional.of(ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds));
        } catch (DateTimeException | NumberFormatException invalid) {
            return Optional.empty();
        }
    }

    static int intOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException invalid) {
            return fallback;
        }
    }

    /** RFC 5545 TEXT un-escaping; an unknown escape is kept as written. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                switch (next) {
                    case 'n', 'N' -> out.append('\n');
                    case '\\', ';', ',' -> out.append(next);
                    default -> {
                        out.append(c).append(next);
                    }
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value of a TEXT property: quoted-printable decoded when declared so, then un-escaped. */
    static String text(IcsProperty property) {
        String raw = property.value();
        if (property.param("ENCODING").equalsIgnoreCase("QUOTED-PRINTABLE")) {
            raw = quotedPrintable(raw, property.param("CHARSET"));
        }
        return unescape(raw);
    }

    private static String quotedPrintable(String raw, String charsetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '=' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '=' && i == raw.length() - 1) {
                // soft line break at the end
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (!charsetName.isBlank()) charset = Charset.forName(charsetName.strip());
        } catch (RuntimeException unknown) {
            charset = StandardCharsets.UTF_8;
        }
        return bytes.toString(charset);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * Untrusted text made safe to store and show (BAD-INPUTS B15, B32): NFC, no C0 controls (newline
     * kept when {@code keepNewlines}; the Unicode line and paragraph separators count as newlines), no bidi overrides or isolates, no zero-width characters,
     * at most {@code max} characters.
     */
    static String sanitize(String text, int max, boolean keepNewlines) {
        if (text == null || text.isEmpty()) return "";
        String limited = text.length() > 4L * max ? text.substring(0, 4 * max) : text;
        String normal = Normalizer.normalize(limited, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(Math.min(normal.length(), max));
        for (int i = 0; i < normal.length() && out.length() < max; i++) {
            char c = normal.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                if (keepNewlines) {
                    if (c != '\r') out.append('\n');
                } else {
                    out.append(' ');
                }
            } else if (c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                // control character: dropped
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                    || c == '\u061C') {
                // bidi override, embedding, isolate or mark: dropped
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
                // zero-width: dropped
            } else {
                if (Character.isHighSurrogate(c) && out.length() == max - 1) break;
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A calendar address (ORGANIZER, ATTENDEE) lower case without {@code mailto:}; when the value
     * is not a mailto: URI, its EMAIL= parameter is used if present.
     */
    static String address(IcsProperty property) {
        String value = property.value().strip();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            return sanitize(value.substring(7).strip(), 320, false).toLowerCase(Locale.ROOT);
        }
        String email = property.param("EMAIL").strip();
        if (!email.isEmpty()) {
            return sanitize(email.regionMatches(true, 0, "mailto:", 0, 7) ? email.substring(7) : email, 320, false).toLowerCase(Locale.ROOT);
        }
        return sanitize(value, 320, false).toLowerCase(Locale.ROOT);
    }
}
