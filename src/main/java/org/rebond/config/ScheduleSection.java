package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** Reads {@code schedule:}: when each action is due relative to the interview, with their defaults. */
final class ScheduleSection {
    /** The thank-you comes within a day of the interview. */
    private static final Duration WITHIN = Duration.ofHours(24);

    private ScheduleSection() {}

    static RebondConfig.Schedule read(YamlSection s) {
        List<Duration> keepPosted = s.durations("keep_posted_after_end", "[21d, 90d]");
        if (keepPosted != null) {
            for (int i = 1; i < keepPosted.size(); i++) {
                if (keepPosted.get(i).compareTo(keepPosted.get(i - 1)) <= 0) {
                    s.problem("keep_posted_after_end", "keep.posted.order");
                    break;
                }
            }
        }
        Duration debrief = or(s.duration("debrief_after_end", true), Duration.ZERO);
        Duration thankYou = or(s.duration("thank_you_after_end", true), Duration.ofHours(2));
        if (thankYou.compareTo(WITHIN) > 0) {
            s.problem("thank_you_after_end", "thank.you.within.day");
        } else if (debrief.compareTo(thankYou) > 0) {
            s.problem("debrief_after_end", "debrief.before.thank.you", DurationSyntax.format(thankYou));
        }
        LocalTime notAfter = or(s.timeOfDay("thank_you_not_after"), LocalTime.of(21, 0));
        LocalTime lateEnd = or(s.timeOfDay("late_end_after"), LocalTime.of(19, 0));
        LocalTime morning = or(s.timeOfDay("next_morning_at"), LocalTime.of(8, 30));
        if (!morning.isBefore(lateEnd)) {
            s.problem("next_morning_at", "morning.before.late.end", lateEnd);
        } else if (lateEnd.isAfter(notAfter)) {
            s.problem("late_end_after", "late.end.before.not.after", notAfter);
        }
        return new RebondConfig.Schedule(
                or(s.duration("brief_before", false), Duration.ofHours(24)),
                or(s.duration("prep_duration", false), Duration.ofMinutes(30)),
                debrief,
                thankYou,
                List.copyOf(or(keepPosted, List.of(Duration.ofDays(21), Duration.ofDays(90)))),
                or(s.duration("prep_reminder", true), Duration.ofMinutes(10)),
                or(s.bool("human_hours"), Boolean.TRUE),
                notAfter, lateEnd, morning,
                or(s.duration("news_after_referral_met", false), Duration.ofDays(7)),
                or(s.integer("pause_after_unanswered", 0, 10), 2));
    }
}
