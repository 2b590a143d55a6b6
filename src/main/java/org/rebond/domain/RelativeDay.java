package org.rebond.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Where a moment falls from the reader's day: today, tomorrow, later this week, or further. */
public enum RelativeDay {
    PAST, TODAY, TOMORROW, THIS_WEEK, LATER;

    /** The day of {@code moment} seen from {@code now}, both in {@code zone}. */
    public static RelativeDay of(Instant now, Instant moment, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = moment.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, day);
        if (days < 0) {
            return PAST;
        }
        if (days == 0) {
            return TODAY;
        }
        if (days == 1) {
            return TOMORROW;
        }
        return days < 7 ? THIS_WEEK : LATER;
    }
}
