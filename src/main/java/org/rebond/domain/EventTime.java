package org.rebond.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A date-time as written in a calendar, resolved as far as it can be without the reader's zone.
 *
 * @param kind    UTC (trailing Z), ZONED (a TZID that resolved), FLOATING (no zone, or a zone that
 *                could not be resolved), DATE (an all-day date)
 * @param instant the instant for UTC and ZONED; null for FLOATING and DATE
 * @param local   the local date-time as written (for DATE, midnight of that date)
 * @param tzid    the TZID parameter as written, empty when none
 * @param zone    the IANA zone meant by the TZID (null when none or unknown)
 */
public record EventTime(Kind kind, Instant instant, LocalDateTime local, String tzid, ZoneId zone) {

    public enum Kind { UTC, ZONED, FLOATING, DATE }

    public static EventTime utc(Instant instant) {
        return new EventTime(Kind.UTC, instant, LocalDateTime.ofInstant(instant, ZoneOffset.UTC), "", ZoneOffset.UTC);
    }

    public static EventTime zoned(Instant instant, LocalDateTime local, String tzid, ZoneId zone) {
        return new EventTime(Kind.ZONED, instant, local, tzid, zone);
    }

    public static EventTime floating(LocalDateTime local, String tzid) {
        return new EventTime(Kind.FLOATING, null, local, tzid == null ? "" : tzid, null);
    }

    public static EventTime date(LocalDate date) {
        return new EventTime(Kind.DATE, null, date.atStartOfDay(), "", null);
    }

    /** The instant this time means for a reader in {@code userZone} (floating and dates are local to the reader). */
    public Instant instant(ZoneId userZone) {
        return switch (kind) {
            case UTC, ZONED -> instant;
            case FLOATING, DATE -> local.atZone(userZone).toInstant();
        };
    }

    /**
     * The form {@code rebond inspect} prints: {@code 2024-03-05T09:00:00Z} for an instant,
     * {@code 2024-03-05} for a date, {@code 2024-03-05T10:00:00} for a floating time.
     */
    public String display() {
        return switch (kind) {
            case UTC, ZONED -> instant.toString().length() == 17 ? instant.toString().replace("Z", ":00Z") : instant.toString();
            case DATE -> local.toLocalDate().toString();
            case FLOATING -> local.withNano(0).toString().length() == 16 ? local.withNano(0) + ":00" : local.withNano(0).toString();
        };
    }
}
