package org.rebond.calendar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rebond.config.RebondConfig;
import org.rebond.domain.DecodedText;

/**
 * A tolerant reader of iCalendar text (RFC 5545 §3.1) that builds a plain component tree.
 *
 * <p>It runs the cheap checks first (size, number of VTIMEZONEs and components, nesting depth)
 * on the unfolded lines, before any tree is built, so hostile input (BAD-INPUTS B3, B4, B6) costs
 * one linear pass. It accepts what real producers write: LF or CR line ends, folds with TAB or a
 * no-break space, DQUOTE'd parameters containing ':' ';' ',', a quoted parameter that swallowed
 * the value, bytes that are not UTF-8.
 */
final class IcsReader {
    static final int MAX_DEPTH = 6;
    private static final int MAX_LINES = 200_000;

    private final RebondConfig.Limits limits;

    IcsReader(RebondConfig.Limits limits) {
        this.limits = limits;
    }

    /** The top-level VCALENDAR (the first one when a file holds several; see {@link #readAll}). */
    IcsComponent read(byte[] ics) throws CalendarRejected {
        return readAll(ics).get(0);
    }

    List<IcsComponent> readAll(byte[] ics) throws CalendarRejected {
        if (ics.length > limits.maxCalendarPartBytes()) {
            throw new CalendarRejected("calendar larger than " + limits.maxCalendarPartBytes() + " bytes (" + ics.length + ")");
        }
        List<String> lines = unfold(decode(ics));
        preScan(lines);
        return buildTree(lines);
    }

    /** UTF-8 (old Outlook's unlabelled windows-1252 recognised), malformed bytes as U+FFFD, no control characters. */
    static String decode(byte[] bytes) {
        String text = DecodedText.withoutControls(DecodedText.utf8(bytes));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int end = i;
            while (end < n && text.charAt(end) != '\r' && text.charAt(end) != '\n') end++;
            String raw = text.substring(i, end);
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') end++;
            i = end + 1;
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t' || raw.charAt(0) == '\u00A0')) {
                if (current != null) {
                    current.append(raw, 1, raw.length());
                    continue;
                }
                raw = raw.strip();
            }
            if (current != null) lines.add(current.toString());
            current = raw.isEmpty() ? null : new StringBuilder(raw);
            if (lines.size() > MAX_LINES) break;
        }
        if (current != null) lines.add(current.toString());
        return lines;
    }

    private void preScan(List<String> lines) throws CalendarRejected {
        if (lines.size() > MAX_LINES) {
            throw new CalendarRejected("more than " + MAX_LINES + " lines");
        }
        int timezones = 0;
        int components = 0;
        int depth = 0;
        int maxDepth = 0;
        boolean sawCalendar = false;
        for (String line : lines) {
            String upper = line.length() > 6 ? line.substring(0, Math.min(line.length(), 20)).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:")) {
                String name = line.substring(6).strip().toUpperCase(Locale.ROOT);
                depth++;
                maxDepth = Math.max(maxDepth, depth);
                if (maxDepth > MAX_DEPTH) {
                    throw new CalendarRejected("components nested deeper than " + MAX_DEPTH + " levels");
                }
                switch (name) {
                    case "VCALENDAR" -> sawCalendar = true;
                    case "VTIMEZONE" -> timezones++;
                    case "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY" -> components++;
                    default -> { }
                }
            } else if (upper.startsWith("END:")) {
                depth = Math.max(0, depth - 1);
            }
        }
        if (!sawCalendar) {
            throw new CalendarRejected("not an iCalendar object (no BEGIN:VCALENDAR)");
        }
        if (timezones > limits.maxTimezones()) {
            throw new CalendarRejected("more than " + limits.maxTimezones() + " VTIMEZONE components (" + timezones + ")");
        }
        if (components > limits.maxComponents()) {
            throw new CalendarRejected("more than " + limits.maxComponents() + " events (" + components + ")");
        }
    }

    private static List<IcsComponent> buildTree(List<String> lines) throws CalendarRejected {
        record Open(String name, List<IcsProperty> properties, List<IcsComponent> children) {}
        Deque<Open> stack = new ArrayDeque<>();
        List<IcsComponent> calendars = new ArrayList<>();
        for (String line : lines) {
            IcsProperty property = parseLine(line);
            if (property == null) continue; // not a content line: ignored (tolerance)
            if (property.name().equals("BEGIN")) {
                String name = property.value().strip().toUpperCase(Locale.ROOT);
                if (stack.isEmpty() && !name.equals("VCALENDAR")) continue;
                stack.push(new Open(name, new ArrayList<>(), new ArrayList<>()));
            } else if (property.name().equals("END")) {
                String name = property.value().strip().toUpperCase(Locale.ROOT);
                if (stack.stream().noneMatch(o -> o.name().equals(name))) continue; // stray END
                while (true) {
                    Open open = stack.pop();
                    IcsComponent done = new IcsComponent(open.name(), open.properties(), open.children());
                    if (stack.isEmpty()) {
                        calendars.add(done);
                    } else {
                        stack.peek().children().add(done);
                    }
                    if (open.name().equals(name)) break;
                }
            } else if (!stack.isEmpty()) {
                stack.peek().properties().add(property);
            }
        }
        if (!stack.isEmpty()) {
            throw new CalendarRejected("calendar is truncated (no END:" + stack.peekLast().name() + ")");
        }
        if (calendars.isEmpty()) {
            throw new CalendarRejected("not an iCalendar object (no complete VCALENDAR)");
        }
        return calendars;
    }

    /** Parses one unfolded content line, or returns null when it is not one. */
    static IcsProperty parseLine(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && isNameChar(line.charAt(i))) i++;
        if (i == 0 || i == n || (line.charAt(i) != ':' && line.charAt(i) != ';')) return null;
        String name = line.substring(0, i).toUpperCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        String swallowed = null;
        while (i < n && line.charAt(i) == ';') {
            i++;
            int eq = i;
            while (eq < n && line.charAt(eq) != '=' && line.charAt(eq) != ':' && line.charAt(eq) != ';') eq++;
            String paramName = line.substring(i, eq).strip().toUpperCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            i = eq;
            if (i < n && line.charAt(i) == '=') {
                i++;
                while (true) {
                    StringBuilder v = new StringBuilder();
                    if (i < n && line.charAt(i) == '"') {
                        int close = line.indexOf('"', i + 1);
                        if (close < 0) close = n;
                        v.append(line, i + 1, close);
                        i = Math.min(n, close + 1);
                    }
                    while (i < n && line.charAt(i) != ',' && line.charAt(i) != ';' && line.charAt(i) != ':') {
                        v.append(line.charAt(i++));
                    }
                    values.add(v.toString());
                    if (i < n && line.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    break;
                }
            }
            if (!paramName.isEmpty()) params.putIfAbsent(paramName, values);
            if (i >= n && !values.isEmpty()) {
                // A quoted parameter swallowed the value: DTSTART;TZID="Zone:20200609T090000"
                String last = values.get(values.size() - 1);
                int colon = last.lastIndexOf(':');
                if (colon > 0) {
                    List<String> fixed = new ArrayList<>(values);
                    fixed.set(fixed.size() - 1, last.substring(0, colon));
                    params.put(paramName, fixed);
                    swallowed = last.substring(colon + 1);
                }
            }
        }
        String value;
        if (i < n && line.charAt(i) == ':') {
            value = line.substring(i + 1);
        } else if (swallowed != null) {
            value = swallowed;
        } else {
            return null;
        }
        return new IcsProperty(name, params, value);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
}
