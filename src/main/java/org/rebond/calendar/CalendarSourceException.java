package org.rebond.calendar;

/**
 * A calendar source could not be read or written this time (network, HTTP status, refused URL).
 * The message names the source and what to do; it never carries a secret.
 */
public final class CalendarSourceException extends RuntimeException {

    public CalendarSourceException(String message) {
        super(message);
    }

    public CalendarSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
