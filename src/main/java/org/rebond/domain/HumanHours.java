package org.rebond.domain;

import java.time.LocalTime;

/**
 * The hours of the user's day that the debrief prompt and the thank-you keep to (METHOD M6: thank
 * the same day, but as a person would, not at 23:00). All times are wall-clock times in the
 * user's zone ({@link Policy#zone()}).
 *
 * @param on            false to plan at the plain delays after the end, at any hour (the demo's compressed timings)
 * @param notAfter      a thank-you due later than this on the day of the interview is due at this time instead
 * @param lateEndAfter  an interview ending after this (or before {@code nextMorningAt}) gets its thank-you the next morning
 * @param nextMorningAt the time of "the next morning"
 */
public record HumanHours(boolean on, LocalTime notAfter, LocalTime lateEndAfter, LocalTime nextMorningAt) {

    /** 21:00 at the latest, the next morning at 08:30 for an interview ending after 19:00. */
    public static final HumanHours DEFAULTS = new HumanHours(true, LocalTime.of(21, 0), LocalTime.of(19, 0), LocalTime.of(8, 30));

    public HumanHours {
        if (!nextMorningAt.isBefore(lateEndAfter) || lateEndAfter.isAfter(notAfter)) {
            throw new IllegalArgumentException("expected next morning (" + nextMorningAt + ") < late end (" + lateEndAfter
                    + ") <= not after (" + notAfter + ")");
        }
    }

    /** The same hours, switched off: every action at its plain delay after the end. */
    public HumanHours off() {
        return new HumanHours(false, notAfter, lateEndAfter, nextMorningAt);
    }

    /** Whether a wall-clock time is night for these hours: after {@link #notAfter} or before {@link #nextMorningAt}. */
    boolean night(LocalTime time) {
        return time.isAfter(notAfter) || time.isBefore(nextMorningAt);
    }

    /** Whether an interview ending at this wall-clock time gets its thank-you the next morning. */
    boolean lateEnd(LocalTime time) {
        return time.isAfter(lateEndAfter) || time.isBefore(nextMorningAt);
    }
}
