package org.rebond.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;

/**
 * Turns the bytes of an iCalendar object into {@link CalendarEvent} records at once: every date is
 * resolved to an {@link EventTime} here, so nothing outlives the parse but plain values.
 *
 * <p>Times: a trailing Z is UTC (even next to a TZID); a TZID defined by an embedded VTIMEZONE
 * uses those rules (the producer's intent), else its IANA meaning (IANA ids, Windows names,
 * Outlook display names); a TZID known nowhere makes the time floating with the warning
 * "time zone unknown". Hostile input is refused with {@link CalendarRejected}.
 */
public final class CalendarParser {
    static final int MAX_SUMMARY = 500;
    static final int MAX_DESCRIPTION = 8_000;
    static final int MAX_LOCATION = 500;
    private static final int LAST_YEAR = 2200;
    private static final Duration LONGEST_EVENT = Duration.ofDays(366);
    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d{1,9})W)?(?:(\\d{1,9})D)?(?:T(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?");

    private final IcsReader reader;

    public CalendarParser(RebondConfig.Limits limits) {
        this.reader = new IcsReader(limits);
    }

    public ParsedCalendar parse(byte[] ics) throws CalendarRejected {
        List<IcsComponent> calendars = reader.readAll(ics);
        try {
            String method = "";
            List<CalendarEvent> events = new ArrayList<>();
            for (IcsComponent calendar : calendars) {
                String own = calendar.value("METHOD").strip().toUpperCase(Locale.ROOT);
                if (method.isEmpty()) method = own;
                Zones zones = new Zones(calendar);
                for (IcsComponent component : calendar.children()) {
                    if (component.name().equals("VEVENT") || component.name().equals("VTODO")) {
                        events.add(event(component, own, zones));
                    }
                }
            }
            return new ParsedCalendar(method, events);
        } catch (RuntimeException unexpected) {
            throw new CalendarRejected("calendar could not be read (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    private CalendarEvent event(IcsComponent c, String method, Zones zones) {
        List<String> warnings = new ArrayList<>();
        EventTime start = c.first("DTSTART").map(p -> time(p, zones, warnings, "DTSTART")).orElse(null);
        Optional<IcsProperty> endProperty = c.first("DTEND").or(() -> c.name().equals("VTODO") ? c.first("DUE") : Optional.empty());
        EventTime end = endProperty.map(p -> time(p, zones, warnings, endProperty.get().name())).orElse(null);
        if (end == null && endProperty.isEmpty() && start != null) {
            end = c.first("DURATION").map(p -> endFromDuration(start, p.value(), zones, warnings)).orElse(null);
        }
        if (start != null && end != null && end.instant(ZoneOffset.UTC).isBefore(start.instant(ZoneOffset.UTC))) {
            warnings.add("end before start: end ignored");
            end = null;
        }
        if (start == null && c.first("DTSTART").isEmpty()) {
            warnings.add("no DTSTART");
        }
        EventTime recurrenceId = c.first("RECURRENCE-ID").map(p -> time(p, zones, warnings, "RECURRENCE-ID")).orElse(null);
        Instant dtstamp = c.first("DTSTAMP").map(p -> stamp(time(p, zones, warnings, "DTSTAMP"), warnings)).orElse(null);

        Optional<IcsProperty> organizer = c.first("ORGANIZER");
        List<CalendarEvent.Attendee> attendees = c.all("ATTENDEE").stream()
                .map(a -> new CalendarEvent.Attendee(CalendarValues.address(a), name(a),
                        a.param("ROLE").toUpperCase(Locale.ROOT), a.param("PARTSTAT").toUpperCase(Locale.ROOT)))
                .toList();
        List<String> categories = new ArrayList<>();
        for (IcsProperty p : c.all("CATEGORIES")) {
            for (String raw : p.value().split("(?<!\\\\),")) {
                String category = CalendarValues.sanitize(CalendarValues.unescape(raw), 100, false).strip();
                if (!category.isEmpty() && categories.size() < 50) categories.add(category);
            }
        }
        return new CalendarEvent(
                c.name(),
                method,
                CalendarValues.sanitize(c.value("UID").strip(), 1000, false),
                recurrenceId,
                sequence(c, warnings),
                dtstamp,
                CalendarValues.sanitize(c.value("STATUS").strip(), 40, false),
                start,
                end,
                organizer.map(CalendarValues::address).orElse(""),
                organizer.map(CalendarParser::name).orElse(""),
                attendees,
                c.first("SUMMARY").map(p -> CalendarValues.sanitize(CalendarValues.text(p), MAX_SUMMARY, false)).orElse(""),
                c.first("DESCRIPTION").map(p -> CalendarValues.sanitize(CalendarValues.text(p), MAX_DESCRIPTION, true)).orElse(""),
                c.first("LOCATION").map(p -> CalendarValues.sanitize(CalendarValues.text(p), MAX_LOCATION, false)).orElse(""),
                categories,
                String.join(" | ", c.all("RRULE").stream().map(p -> p.value().strip()).toList()),
                warnings);
    }

    private static String name(IcsProperty p) {
        return CalendarValues.sanitize(CalendarValues.unescape(p.param("CN")), 200, false).strip();
    }

    private static int sequence(IcsComponent c, List<String> warnings) {
        Optional<IcsProperty> p = c.first("SEQUENCE");
        if (p.isEmpty()) return 0;
        String raw = p.get().value().strip();
        int value = CalendarValues.intOr(raw, -1);
        if (value < 0) {
            warnings.add("SEQUENCE \"" + CalendarValues.sanitize(raw, 40, false) + "\" is not a valid number: 0 used");
            return 0;
        }
        return value;
    }

    private static Instant stamp(EventTime time, List<String> warnings) {
        if (time == null) return null;
        if (time.instant() != null) return time.instant();
        warnings.add("DTSTAMP is not in UTC: read as UTC");
        return time.local().toInstant(ZoneOffset.UTC);
    }

    private static EventTime time(IcsProperty p, Zones zones, List<String> warnings, String what) {
        String value = p.value().strip();
        if (value.isEmpty()) {
            warnings.add(what + " has no value");
            return null;
        }
        LocalDateTime local = CalendarValues.localDateTime(value);
        if (local == null) {
            warnings.add(what + " \"" + CalendarValues.sanitize(value, 40, false) + "\" is not a valid date");
            return null;
        }
        if (local.getYear() > LAST_YEAR) {
            warnings.add(what + " is after " + LAST_YEAR + ": ignored");
            return null;
        }
        if (p.param("VALUE").equalsIgnoreCase("DATE") || CalendarValues.isDateOnly(value)) {
            return EventTime.date(local.toLocalDate());
        }
        if (CalendarValues.isUtc(value)) {
            return EventTime.utc(local.toInstant(ZoneOffset.UTC));
        }
        if (!p.hasParam("TZID")) {
            return EventTime.floating(local, "");
        }
        String tzid = p.param("TZID");
        return zones.resolve(local, tzid, warnings);
    }

    private static EventTime endFromDuration(EventTime start, String value, Zones zones, List<String> warnings) {
        Matcher m = DURATION.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || value.strip().length() < 3) {
            warnings.add("DURATION \"" + CalendarValues.sanitize(value, 40, false) + "\" is not valid: no end");
            return null;
        }
        long days = 7L * number(m.group(2)) + number(m.group(3));
        long seconds = 3600L * number(m.group(4)) + 60L * number(m.group(5)) + number(m.group(6));
        if ("-".equals(m.group(1))) {
            warnings.add("negative DURATION: no end");
            return null;
        }
        Duration total = Duration.ofDays(days).plusSeconds(seconds);
        if (total.compareTo(LONGEST_EVENT) > 0) {
            warnings.add("DURATION " + CalendarValues.sanitize(value, 40, false) + " is absurd: clamped to 366 days");
            days = LONGEST_EVENT.toDays();
            seconds = 0;
        }
        EventTime end = switch (start.kind()) {
            case DATE -> EventTime.date(start.local().toLocalDate().plus(Period.ofDays((int) days)));
            case UTC -> EventTime.utc(start.instant().plus(Duration.ofDays(days)).plusSeconds(seconds));
            case FLOATING -> EventTime.floating(start.local().plusDays(days).plusSeconds(seconds), start.tzid());
            case ZONED -> {
                // Days are nominal (same wall-clock time), hours exact (RFC 5545 §3.3.6).
                EventTime dayLater = zones.resolve(start.local().plusDays(days), start.tzid(), new ArrayList<>());
                Instant instant = dayLater.instant(ZoneOffset.UTC).plusSeconds(seconds);
                yield EventTime.zoned(instant, dayLater.local().plusSeconds(seconds), start.tzid(), start.zone());
            }
        };
        if (end.local().getYear() > LAST_YEAR) {
            warnings.add("end after " + LAST_YEAR + ": ignored");
            return null;
        }
        return end;
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** The VTIMEZONEs of one calendar object, evaluated lazily, never shared between parses. */
    private static final class Zones {
        private final Map<String, IcsComponent> definitions = new HashMap<>();
        private final Map<String, Optional<EmbeddedZone>> evaluated = new HashMap<>();

        Zones(IcsComponent calendar) {
            for (IcsComponent child : calendar.children()) {
                if (child.name().equals("VTIMEZONE") && child.first("TZID").isPresent()) {
                    definitions.putIfAbsent(key(CalendarValues.unescape(child.value("TZID"))), child);
                }
            }
        }

        private static String key(String tzid) {
            return tzid.strip().toLowerCase(Locale.ROOT);
        }

        private Optional<EmbeddedZone> embedded(String tzid) {
            String key = key(tzid);
            return evaluated.computeIfAbsent(key, k -> {
                IcsComponent definition = definitions.get(k);
                return definition == null ? Optional.empty() : EmbeddedZone.of(definition);
            });
        }

        EventTime resolve(LocalDateTime local, String tzid, List<String> warnings) {
            Optional<EmbeddedZone> embedded = embedded(tzid);
            Optional<ZoneId> iana = ZoneNames.iana(tzid);
            if (embedded.isPresent() && !(embedded.get().degenerate() && iana.isPresent())) {
                return EventTime.zoned(embedded.get().resolve(local), local, tzid, iana.orElse(null));
            }
            if (iana.isPresent()) {
                // ofLocal: a gap moves forward by its length (offset before the gap), an overlap
                // takes the earlier offset (first occurrence), as RFC 5545 §3.3.5 asks.
                Instant instant = ZonedDateTime.ofLocal(local, iana.get(), null).toInstant();
                return EventTime.zoned(instant, local, tzid, iana.get());
            }
            warnings.add("time zone unknown: \"" + CalendarValues.sanitize(tzid, 80, false) + "\" read as floating");
            return EventTime.floating(local, tzid);
        }
    }

}
