package org.rebond.calendar;

/**
 * A calendar object rebond refuses to process (quarantine, BAD-INPUTS I5). The message is a
 * short reason a user can read, e.g. {@code more than 20 VTIMEZONE components (1600)}.
 */
public final class CalendarRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public CalendarRejected(String reason) {
        super(reason);
    }
}
