package org.rebond.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * When actions are due relative to an interview. The defaults follow METHOD.md: a brief the day
 * before, the debrief prompt at the end, a thank-you two hours later but not after 21:00 (the next
 * morning at 08:30 for an interview ending after 19:00), updates after three weeks and three
 * months; the prep slot's calendar reminder ten minutes before it.
 *
 * @param zone       the user's zone ({@code profile.time_zone}), in which the human hours are read
 * @param humanHours the hours the prompt and the thank-you keep to
 */
public record Policy(
        Duration briefBefore,
        Duration prepDuration,
        Duration debriefAfterEnd,
        Duration thankYouAfterEnd,
        List<Duration> keepPostedAfterEnd,
        Duration prepReminder,
        ZoneId zone,
        HumanHours humanHours) {

    public Policy {
        keepPostedAfterEnd = List.copyOf(keepPostedAfterEnd);
    }

    /** The same policy with other human hours (e.g. {@link HumanHours#off()}). */
    public Policy withHumanHours(HumanHours hours) {
        return new Policy(briefBefore, prepDuration, debriefAfterEnd, thankYouAfterEnd, keepPostedAfterEnd, prepReminder, zone, hours);
    }

    /** The default delays and human hours in {@code zone}. */
    public static Policy defaults(ZoneId zone) {
        return new Policy(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ZERO, Duration.ofHours(2),
                List.of(Duration.ofDays(21), Duration.ofDays(90)), Duration.ofMinutes(10), zone, HumanHours.DEFAULTS);
    }

    /** The defaults for a user in Europe/Paris (what the tests and samples assume). */
    public static Policy defaults() {
        return defaults(ZoneId.of("Europe/Paris"));
    }
}
