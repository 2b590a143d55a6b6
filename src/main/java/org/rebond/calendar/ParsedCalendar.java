package org.rebond.calendar;

import java.util.List;
import org.rebond.domain.CalendarEvent;

/**
 * One calendar object after parsing: its iTIP method (upper case, empty when absent) and its
 * VEVENT/VTODO components in file order, as plain values. Whether it can be acted upon as an iTIP
 * message is judged in the domain, by {@code Invitation.schedulingProblem()}.
 */
public record ParsedCalendar(String method, List<CalendarEvent> events) {

    public ParsedCalendar {
        events = List.copyOf(events);
    }
}
