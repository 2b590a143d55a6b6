package org.rebond.calendar;

import java.util.List;
import java.util.Optional;
import org.rebond.domain.CalendarEvent;

/**
 * One calendar object after parsing: its iTIP method (upper case, empty when absent) and its
 * VEVENT/VTODO components in file order, as plain values.
 */
public record ParsedCalendar(String method, List<CalendarEvent> events) {

    public ParsedCalendar {
        events = List.copyOf(events);
    }

    /**
     * Why this object cannot be acted upon as an iTIP message (BAD-INPUTS B3, B11), or empty when
     * it can. Only REQUEST, ADD and CANCEL are checked: they must carry one UID, an ORGANIZER and,
     * for a REQUEST, a DTSTART on every event.
     */
    public Optional<String> schedulingProblem() {
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
}
