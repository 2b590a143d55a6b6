package org.rebond;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A story's start at a daytime hour in the test profiles' zone, so that its debrief prompt and
 * thank-you (kept to human hours, schedule.human_hours) come when the test expects them, whatever
 * the hour the tests run.
 */
public final class Daytime {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Daytime() {
    }

    /** 10:00 in Paris on the day of {@code day}. */
    public static Instant tenInParis(Instant day) {
        return day.atZone(PARIS).toLocalDate().atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
    }
}
