package org.rebond.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One calendar component (VEVENT or VTODO) as rebond keeps it: plain values only, never an
 * ical4j object (STACK-NOTES: ical4j's synthetic zones must not outlive the parse).
 *
 * @param component    VEVENT or VTODO
 * @param method       the iTIP method of the calendar object (REQUEST, CANCEL, PUBLISH, REPLY, COUNTER …), upper case, empty when absent
 * @param uid          UID verbatim, empty when missing
 * @param recurrenceId RECURRENCE-ID as an {@link EventTime}, or null
 * @param sequence     SEQUENCE, 0 when absent or invalid
 * @param dtstamp      DTSTAMP as an instant, or null
 * @param status       STATUS verbatim (CONFIRMED, CANCELLED, TENTATIVE …), empty when absent
 * @param start        DTSTART, or null when absent or unusable
 * @param end          DTEND (or DTSTART + DURATION), or null
 * @param organizer    organizer address, lower case, without mailto:, empty when absent
 * @param organizerName the organizer's CN, empty when absent
 * @param attendees    every ATTENDEE in file order
 * @param summary      SUMMARY, sanitised (no control characters), capped
 * @param description  DESCRIPTION, sanitised, capped
 * @param location     LOCATION, sanitised, capped
 * @param categories   CATEGORIES values
 * @param rrule        raw RRULE values joined with " | ", empty when none
 * @param warnings     what was odd but tolerated (unknown zone taken as floating, SEQUENCE invalid …)
 */
public record CalendarEvent(
        String component,
        String method,
        String uid,
        EventTime recurrenceId,
        int sequence,
        Instant dtstamp,
        String status,
        EventTime start,
        EventTime end,
        String organizer,
        String organizerName,
        List<Attendee> attendees,
        String summary,
        String description,
        String location,
        List<String> categories,
        String rrule,
        List<String> warnings) {

    public CalendarEvent {
        attendees = List.copyOf(attendees);
        categories = List.copyOf(categories);
        warnings = List.copyOf(warnings);
    }

    /** An attendee: address lower case without mailto:, the CN, ROLE and PARTSTAT (empty when absent). */
    public record Attendee(String email, String name, String role, String partstat) {}

    /** The same event under another iTIP method (the MIME part's, when the calendar omits it: BAD-INPUTS B16). */
    public CalendarEvent withMethod(String newMethod) {
        return new CalendarEvent(component, newMethod, uid, recurrenceId, sequence, dtstamp, status, start, end, organizer,
                organizerName, attendees, summary, description, location, categories, rrule, warnings);
    }

    public boolean allDay() {
        return start != null && start.kind() == EventTime.Kind.DATE;
    }

    public boolean cancelled() {
        return "CANCEL".equals(method) || "CANCELLED".equalsIgnoreCase(status);
    }

    /** Start as an instant; floating and all-day times are read in {@code userZone}. */
    public Instant startInstant(ZoneId userZone) {
        return start == null ? null : start.instant(userZone);
    }

    public Instant endInstant(ZoneId userZone) {
        return end == null ? null : end.instant(userZone);
    }
}
