package org.rebond.calendar;

import java.util.List;
import org.rebond.application.CalendarReader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Invitation;

/** Calendar data read with ical4j ({@link CalendarParser}). */
public final class IcalCalendarReader implements CalendarReader {

    private final CalendarParser parser;

    public IcalCalendarReader(RebondConfig.Limits limits) {
        this.parser = new CalendarParser(limits);
    }

    @Override
    public Invitation invitation(byte[] content, String mimeMethod) throws Rejected {
        try {
            ParsedCalendar calendar = parser.parse(content);
            return new Invitation(mimeMethod, calendar.method(), calendar.events());
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
