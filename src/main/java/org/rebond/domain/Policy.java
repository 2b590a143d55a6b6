package org.rebond.domain;

import java.time.Duration;
import java.util.List;

/**
 * When actions are due relative to an interview. The defaults follow METHOD.md: a brief the day
 * before, the debrief prompt at the end, a thank-you two hours later, updates after three weeks
 * and three months; the prep slot's calendar reminder ten minutes before it.
 */
public record Policy(
        Duration briefBefore,
        Duration prepDuration,
        Duration debriefAfterEnd,
        Duration thankYouAfterEnd,
        List<Duration> keepPostedAfterEnd,
        Duration prepReminder) {

    public Policy {
        keepPostedAfterEnd = List.copyOf(keepPostedAfterEnd);
    }

    public static Policy defaults() {
        return new Policy(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ZERO, Duration.ofHours(2),
                List.of(Duration.ofDays(21), Duration.ofDays(90)), Duration.ofMinutes(10));
    }
}
