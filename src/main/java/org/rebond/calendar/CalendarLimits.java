package org.rebond.calendar;

import org.rebond.config.RebondConfig;

/** The default bounds on untrusted calendar input (DESIGN I5), for callers without a configuration. */
public final class CalendarLimits {
    private CalendarLimits() {}

    /** 25 MiB per message, 1 MiB per calendar part, 20 VTIMEZONEs, 50 components, 1,000 instances. */
    public static RebondConfig.Limits defaults() {
        return new RebondConfig.Limits(25L << 20, 1L << 20, 20, 50, 1000);
    }
}
