package org.rebond.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar part of a message read as an iTIP message: its events, and the two places that may
 * name its method, the {@code method=} parameter of the part's Content-Type and the calendar's own
 * METHOD. The calendar's METHOD wins, as mail clients read it; the mail's is used only when the
 * calendar names none. When both are given and differ, the disagreement is kept so that it can be
 * reported ({@link #methodMismatch()}), never a reason to refuse the part (BAD-INPUTS B16).
 *
 * @param mimeMethod     the Content-Type's {@code method=} parameter, upper case, empty when none (or for a bare file)
 * @param calendarMethod the calendar's METHOD, upper case, empty when none
 * @param events         the VEVENTs and VTODOs in file order, each carrying {@link #method()}
 */
public record Invitation(String mimeMethod, String calendarMethod, List<CalendarEvent> events) {

    private static final Pattern SUB_DAILY = Pattern.compile("(?i)(?:^|[;:\\s])FREQ=(SECONDLY|MINUTELY|HOURLY)\\b");

    public Invitation {
        mimeMethod = upper(mimeMethod);
        calendarMethod = upper(calendarMethod);
        String method = calendarMethod.isEmpty() ? mimeMethod : calendarMethod;
        events = events.stream().map(e -> e.method().equals(method) ? e : e.withMethod(method)).toList();
    }

    /** The method to act on: the calendar's METHOD, or the mail's {@code method=} when the calendar has none. */
    public String method() {
        return calendarMethod.isEmpty() ? mimeMethod : calendarMethod;
    }

    /** How the mail and the calendar disagree on the method, e.g. {@code mail says REQUEST, calendar says PUBLISH}; empty when they do not. */
    public Optional<String> methodMismatch() {
        if (mimeMethod.isEmpty() || calendarMethod.isEmpty() || mimeMethod.equals(calendarMethod)) {
            return Optional.empty();
        }
        return Optional.of("mail says " + mimeMethod + ", calendar says " + calendarMethod);
    }

    /**
     * Why this part cannot be acted upon (BAD-INPUTS B1, B3, B11), or empty when it can. An event
     * recurring more often than daily is too dense whatever the method. REQUEST, ADD and CANCEL
     * must also carry one UID, an ORGANIZER and, for a REQUEST or an ADD, a DTSTART on every event.
     */
    public Optional<String> schedulingProblem() {
        for (CalendarEvent event : events) {
            Matcher dense = SUB_DAILY.matcher(event.rrule());
            if (dense.find()) {
                // No meeting with a person recurs by the hour, let alone by the second (BAD-INPUTS B1).
                return Optional.of("recurrence too dense (FREQ=" + dense.group(1).toUpperCase(Locale.ROOT)
                        + "): an event repeating more than once a day is not a meeting to prepare");
            }
        }
        String method = method();
        if (!method.equals("REQUEST") && !method.equals("ADD") && !method.equals("CANCEL")) {
            return Optional.empty();
        }
        if (events.isEmpty()) {
            return Optional.of(method + " without any event");
        }
        long uids = events.stream().map(CalendarEvent::uid).distinct().count();
        if (uids > 1) {
            return Optional.of(method + " carries " + uids + " different UIDs");
        }
        for (CalendarEvent event : events) {
            if (event.uid().isEmpty()) return Optional.of(method + " without UID");
            if (event.organizer().isEmpty()) return Optional.of(method + " without ORGANIZER");
            if (!method.equals("CANCEL") && event.start() == null) return Optional.of(method + " without a usable DTSTART");
        }
        return Optional.empty();
    }

    private static String upper(String method) {
        return method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
    }
}
