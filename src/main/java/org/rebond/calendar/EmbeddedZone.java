package org.rebond.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one VTIMEZONE as written in the invitation, evaluated without ical4j (so no
 * synthetic zone id is ever taken from ical4j's global pool). Onsets are computed only for the
 * years around the time asked, so a rule starting in year 1 or 1601 costs nothing.
 *
 * <p>RFC 5545 §3.3.5: a local time in a gap takes the offset in force before the gap; an
 * ambiguous local time means its first occurrence.
 */
final class EmbeddedZone {

    private record Observance(LocalDateTime start, ZoneOffset from, ZoneOffset to, Rule rule, List<LocalDateTime> rdates) {}

    /** The YEARLY rules VTIMEZONEs use: BYMONTH, BYDAY (±n), BYMONTHDAY, UNTIL, COUNT. */
    private record Rule(List<Integer> months, List<String> days, List<Integer> monthDays, LocalDateTime until, int count) {}

    private record Onset(Instant at, ZoneOffset from, ZoneOffset to) {}

    private final List<Observance> observances;

    private EmbeddedZone(List<Observance> observances) {
        this.observances = observances;
    }

    /** Reads a VTIMEZONE; empty when it has no usable observance. */
    static Optional<EmbeddedZone> of(IcsComponent vtimezone) {
        List<Observance> list = new ArrayList<>();
        for (IcsComponent child : vtimezone.children()) {
            if (!child.name().equals("STANDARD") && !child.name().equals("DAYLIGHT")) continue;
            LocalDateTime start = CalendarValues.localDateTime(child.value("DTSTART"));
            Optional<ZoneOffset> from = CalendarValues.offset(child.value("TZOFFSETFROM"));
            Optional<ZoneOffset> to = CalendarValues.offset(child.value("TZOFFSETTO"));
            if (to.isEmpty()) continue;
            if (start == null) start = LocalDateTime.of(1970, 1, 1, 0, 0);
            List<LocalDateTime> rdates = new ArrayList<>();
            for (IcsProperty rdate : child.all("RDATE")) {
                for (String v : rdate.value().split(",")) {
                    LocalDateTime t = CalendarValues.localDateTime(v.split("/")[0]);
                    if (t != null) rdates.add(t);
                }
            }
            list.add(new Observance(start, from.orElse(to.get()), to.get(), rule(child.value("RRULE")), rdates));
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(new EmbeddedZone(List.copyOf(list)));
    }

    /**
     * True when the definition cannot describe real rules: several observances, none repeating,
     * all starting at the same time (Tine 2.0 writes such zones).
     */
    boolean degenerate() {
        return observances.size() > 1
                && observances.stream().allMatch(o -> o.rule() == null && o.rdates().isEmpty())
                && observances.stream().map(Observance::start).distinct().count() == 1;
    }

    /** The instant of a local time in this zone. */
    Instant resolve(LocalDateTime local) {
        List<Onset> onsets = onsetsAround(local.getYear());
        if (onsets.isEmpty()) {
            return local.toInstant(observances.get(0).to());
        }
        List<ZoneOffset> candidates = new ArrayList<>();
        candidates.add(onsets.get(0).from());
        onsets.forEach(o -> candidates.add(o.to()));
        Instant best = null;
        for (ZoneOffset candidate : candidates.stream().distinct().toList()) {
            Instant instant = local.toInstant(candidate);
            Onset inForce = inForce(onsets, instant);
            ZoneOffset actual = inForce == null ? onsets.get(0).from() : inForce.to();
            if (actual.equals(candidate) && (best == null || instant.isBefore(best))) {
                best = instant; // the earliest valid reading is the first occurrence
            }
        }
        if (best != null) return best;
        // In a gap: the offset in force before it, i.e. the last onset whose "from" wall time is passed.
        Onset gap = null;
        for (Onset onset : onsets) {
            if (!LocalDateTime.ofInstant(onset.at(), onset.from()).isAfter(local)) gap = onset;
        }
        return local.toInstant(gap == null ? onsets.get(0).from() : gap.from());
    }

    private static Onset inForce(List<Onset> onsets, Instant instant) {
        Onset result = null;
        for (Onset onset : onsets) {
            if (!onset.at().isAfter(instant)) result = onset;
        }
        return result;
    }

    private List<Onset> onsetsAround(int year) {
        List<Onset> onsets = new ArrayList<>();
        for (Observance o : observances) {
            add(onsets, o, o.start());
            for (LocalDateTime rdate : o.rdates()) add(onsets, o, rdate);
            Rule rule = o.rule();
            if (rule == null) continue;
            int first = o.start().getYear();
            int last = year + 1;
            if (rule.until() != null) last = Math.min(last, rule.until().getYear());
            if (rule.count() > 0) last = Math.min(last, first + rule.count() - 1);
            int from = Math.max(first, Math.min(year - 1, last - 1));
            for (int y = from; y <= last; y++) {
                for (LocalDate date : datesIn(rule, y, o.start().toLocalDate())) {
                    LocalDateTime onset = date.atTime(o.start().toLocalTime());
                    if (onset.isBefore(o.start())) continue;
                    if (rule.until() != null && onset.isAfter(rule.until().plusDays(1))) continue;
                    add(onsets, o, onset);
                }
            }
        }
        onsets.sort(Comparator.comparing(Onset::at));
        return onsets;
    }

    private static void add(List<Onset> onsets, Observance o, LocalDateTime localOnset) {
        onsets.add(new Onset(localOnset.toInstant(o.from()), o.from(), o.to()));
    }

    private static List<LocalDate> datesIn(Rule rule, int year, LocalDate seed) {
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> months = rule.months().isEmpty() ? List.of(seed.getMonthValue()) : rule.months();
        for (int month : months) {
            if (month < 1 || month > 12) continue;
            LocalDate firstOfMonth = LocalDate.of(year, month, 1);
            List<LocalDate> candidates = new ArrayList<>();
            if (!rule.days().isEmpty()) {
                for (String day : rule.days()) {
                    candidates.addAll(weekdays(firstOfMonth, day));
                }
                if (!rule.monthDays().isEmpty()) {
                    candidates.removeIf(d -> !rule.monthDays().contains(d.getDayOfMonth()));
                }
            } else {
                List<Integer> monthDays = rule.monthDays().isEmpty() ? List.of(seed.getDayOfMonth()) : rule.monthDays();
                for (int md : monthDays) {
                    int length = firstOfMonth.lengthOfMonth();
                    int day = md > 0 ? md : length + md + 1;
                    if (day >= 1 && day <= length) candidates.add(firstOfMonth.withDayOfMonth(day));
                }
            }
            dates.addAll(candidates);
        }
        return dates;
    }

    private static List<LocalDate> weekdays(LocalDate firstOfMonth, String byDay) {
        String code = byDay.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        String number = byDay.replaceAll("[A-Za-z]", "").strip();
        DayOfWeek dow = switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> null;
        };
        if (dow == null) return List.of();
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate d = firstOfMonth.with(TemporalAdjusters.firstInMonth(dow)); d.getMonth() == firstOfMonth.getMonth(); d = d.plusWeeks(1)) {
            all.add(d);
        }
        if (number.isEmpty() || number.equals("+")) return all;
        try {
            int n = Integer.parseInt(number.replace("+", ""));
            int index = n > 0 ? n - 1 : all.size() + n;
            return index >= 0 && index < all.size() ? List.of(all.get(index)) : List.of();
        } catch (NumberFormatException bad) {
            return List.of();
        }
    }

    private static Rule rule(String rrule) {
        if (rrule == null || rrule.isBlank()) return null;
        List<Integer> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<Integer> monthDays = new ArrayList<>();
        LocalDateTime until = null;
        int count = 0;
        String freq = "";
        for (String part : rrule.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) continue;
            String key = kv[0].strip().toUpperCase(Locale.ROOT);
            String value = kv[1].strip();
            switch (key) {
                case "FREQ" -> freq = value.toUpperCase(Locale.ROOT);
                case "BYMONTH" -> ints(value, months);
                case "BYMONTHDAY" -> ints(value, monthDays);
                case "BYDAY" -> days.addAll(List.of(value.split(",")));
                case "UNTIL" -> until = CalendarValues.localDateTime(value.length() == 8 ? value + "T235959" : value);
                case "COUNT" -> count = CalendarValues.intOr(value, 0);
                default -> { }
            }
        }
        return freq.equals("YEARLY") ? new Rule(months, days, monthDays, until, count) : null;
    }

    private static void ints(String value, List<Integer> out) {
        for (String s : value.split(",")) {
            try {
                out.add(Integer.parseInt(s.strip().replace("+", "")));
            } catch (NumberFormatException ignored) {
                // a malformed number is skipped
            }
        }
    }
}
