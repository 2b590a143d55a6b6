package org.rebond.config;

import static org.rebond.config.YamlSection.or;









/** Reads {@code limits:}: the bounds on untrusted input (DESIGN I5), with their defaults. */
final class LimitsSection {
    private LimitsSection() {}

    static RebondConfig.Limits read(YamlSection s) {
        return new RebondConfig.Limits(
                or(s.size("max_message_bytes"), 25L << 20),
                or(s.size("max_calendar_part_bytes"), 1L << 20),
                or(s.integer("max_timezones", 1, Integer.MAX_VALUE), 20),
                or(s.integer("max_components", 1, Integer.MAX_VALUE), 50),
                or(s.integer("max_instances", 1, Integer.MAX_VALUE), 1000));
    }
}
