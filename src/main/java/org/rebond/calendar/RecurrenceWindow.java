package org.rebond.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Recur;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;

/**
 * Expands an event's RRULE inside a window, with an instance cap and a time budget (BAD-INPUTS B1,
 * B2): sub-daily rules are stepped arithmetically (a {@code FREQ=SECONDLY} without end costs at
 * most {@code maxInstances} steps), daily and longer rules go through ical4j's {@link Recur}
 * starting from a seed in a plain {@link ZoneId}, never an ical4j zone.
 */
public final class RecurrenceWindow {
    private static final Duration LONGEST_WINDOW = Duration.ofDays(5 * 366);

    private RecurrenceWindow() {}

    /**
     * The occurrences found and what limited them.
     *
     * @param instants  start instants in order, at most the cap
     * @param truncated true when the cap, the window clamp or the budget cut the expansion
     * @param note      "" when all went well, else a short reason: "recurrence too dense",
     *                  "no occurrences", "time budget exceeded", "recurrence rule not understood"
     */
    public record Occurrences(List<Instant> instants, boolean truncated, String note) {
        public Occurrences {
            instants = List.copyOf(instants);
        }
    }

    /**
     * Start instants of {@code event} in [{@code from}, {@code to}); floating and all-day times are
     * read in {@code userZone}.
     */
    public static Occurrences occurrences(CalendarEvent event, ZoneId userZone, Instant from, Instant to, int maxInstances,
            Duration budget) {
        if (event.start() == null) return new Occurrences(List.of(), false, "no DTSTART");
        Instant first = event.start().instant(userZone);
        boolean clamped = false;
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            to = from.plus(LONGEST_WINDOW);
            clamped = true;
        }
        if (event.rrule().isBlank()) {
            boolean inside = !first.isBefore(from) && first.isBefore(to);
            return new Occurrences(inside ? List.of(first) : List.of(), false, "");
        }
        String rule = event.rrule().split(" \\| ")[0].strip();
        Map<String, String> parts = new TreeMap<>();
        for (String part : rule.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) parts.put(kv[0].strip().toUpperCase(Locale.ROOT), kv[1].strip());
        }
        String freq = parts.getOrDefault("FREQ", "").toUpperCase(Locale.ROOT);
        long started = System.nanoTime();
        try {
            Occurrences result = switch (freq) {
                case "SECONDLY", "MINUTELY", "HOURLY" -> stepped(first, parts, freq, from, to, maxInstances);
                case "DAILY", "WEEKLY", "MONTHLY", "YEARLY" -> viaIcal4j(event, userZone, rule, from, to, maxInstances);
                default -> new Occurrences(List.of(), false, "recurrence rule not understood");
            };
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(budget) > 0) {
                return new Occurrences(result.instants(), true, "time budget exceeded");
            }
            return clamped && result.note().isEmpty() ? new Occurrences(result.instants(), true, "") : result;
        } catch (RuntimeException notUnderstood) {
            return new Occurrences(List.of(), false, "recurrence rule not understood");
        }
    }

    private static Occurrences stepped(Instant first, Map<String, String> parts, String freq, Instant from, Instant to, int max) {
        if (parts.keySet().stream().anyMatch(k -> k.startsWith("BY"))) {
            return new Occurrences(List.of(), true, "recurrence too dense");
        }
        long unit = switch (freq) {
            case "SECONDLY" -> 1;
            case "MINUTELY" -> 60;
            default -> 3600;
        };
        long interval = Math.max(1, CalendarValues.intOr(parts.getOrDefault("INTERVAL", "1"), 1));
        long step = unit * interval;
        long count = parts.containsKey("COUNT") ? Math.max(0, CalendarValues.intOr(parts.get("COUNT"), 0)) : Long.MAX_VALUE;
        Instant until = parts.containsKey("UNTIL") ? untilInstant(parts.get("UNTIL")) : null;
        long skip = first.isBefore(from) ? (Duration.between(first, from).getSeconds() + step - 1) / step : 0;
        List<Instant> instants = new ArrayList<>();
        boolean dense = false;
        for (long k = skip; k < count; k++) {
            Instant t = first.plusSeconds(k * step);
            if (!t.isBefore(to) || (until != null && t.isAfter(until))) break;
            if (instants.size() >= max) {
                dense = true;
                break;
            }
            instants.add(t);
        }
        return new Occurrences(instants, dense, dense ? "recurrence too dense" : instants.isEmpty() ? "no occurrences" : "");
    }

    private static Instant untilInstant(String value) {
        var local = CalendarValues.localDateTime(value);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    private static Occurrences viaIcal4j(CalendarEvent event, ZoneId userZone, String rule, Instant from, Instant to, int max) {
        EventTime start = event.start();
        ZoneId zone = switch (start.kind()) {
            case UTC -> ZoneOffset.UTC;
            case ZONED -> start.zone() != null ? start.zone()
                    : ZoneOffset.ofTotalSeconds((int) Duration.between(start.instant(), start.local().toInstant(ZoneOffset.UTC)).getSeconds());
            case FLOATING, DATE -> userZone;
        };
        ZonedDateTime seed = start.local().atZone(zone);
        Recur<ZonedDateTime> recur = new Recur<>(rule);
        List<ZonedDateTime> dates = recur.getDates(seed, from.atZone(zone), to.atZone(zone), max + 1);
        List<Instant> instants = new ArrayList<>();
        for (ZonedDateTime date : dates) {
            Instant t = date.toInstant();
            if (!t.isBefore(from) && t.isBefore(to)) instants.add(t);
        }
        boolean dense = instants.size() > max;
        if (dense) instants = instants.subList(0, max);
        return new Occurrences(instants, dense, dense ? "recurrence too dense" : instants.isEmpty() ? "no occurrences" : "");
    }
}
