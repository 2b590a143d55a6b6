package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.time.Duration;
import java.util.List;

/** Reads {@code schedule:}: when each action is due relative to the interview, with their defaults. */
final class ScheduleSection {
    private ScheduleSection() {}

    static RebondConfig.Schedule read(YamlSection s) {
        List<Duration> keepPosted = s.durations("keep_posted_after_end", "[21d, 90d]");
        if (keepPosted != null) {
            for (int i = 1; i < keepPosted.size(); i++) {
                if (keepPosted.get(i).compareTo(keepPosted.get(i - 1)) <= 0) {
                    s.problem("keep_posted_after_end", "must be in increasing order, e.g. [21d, 90d]");
                    break;
                }
            }
        }
        return new RebondConfig.Schedule(
                or(s.duration("brief_before", false), Duration.ofHours(24)),
                or(s.duration("prep_duration", false), Duration.ofMinutes(30)),
                or(s.duration("debrief_after_end", true), Duration.ZERO),
                or(s.duration("thank_you_after_end", true), Duration.ofHours(2)),
                List.copyOf(or(keepPosted, List.of(Duration.ofDays(21), Duration.ofDays(90)))),
                or(s.duration("prep_reminder", true), Duration.ofMinutes(10)));
    }
}
