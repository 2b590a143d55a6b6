package org.rebond.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rebond.application.CalendarReader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;

/** Calendar data read with ical4j ({@link CalendarParser}); invitations checked as iTIP messages before anything acts on them. */
public final class IcalCalendarReader implements CalendarReader {

    private final CalendarParser parser;

    public IcalCalendarReader(RebondConfig.Limits limits) {
        this.parser = new CalendarParser(limits);
    }

    @Override
    public List<CalendarEvent> invitation(byte[] content, String mimeMethod) throws Rejected {
        try {
            ParsedCalendar calendar = parser.parse(content);
            String method = CalendarParts.effectiveMethod(mimeMethod, calendar.method());
            Optional<String> problem = new ParsedCalendar(method, calendar.events()).schedulingProblem();
            if (problem.isPresent()) {
                throw new Rejected(problem.get());
            }
            List<CalendarEvent> events = new ArrayList<>(calendar.events().size());
            for (CalendarEvent event : calendar.events()) {
                events.add(event.method().equals(method) ? event : event.withMethod(method));
            }
            return events;
        } catch (CalendarRejected e) {
            throw new Rejected(e.getMessage());
        }
    }

    @Override
    public List<CalendarEvent> events(byte[] ics) throws Rejected {
        try {
            return parser.parse(ics).events();
        } catch (CalendarRejected e) {
            throw new Rejected(e.getMessage());
        }
    }
}
