package org.rebond.application;

import java.util.List;
import org.rebond.domain.CalendarEvent;

/** Reads iCalendar data as the events it holds: an invitation in a message, or an object of a followed calendar. */
public interface CalendarReader {

    /**
     * The events of a message's calendar part, each carrying the method to act on (the body's
     * METHOD, or the MIME {@code method=} parameter when the body has none).
     *
     * @throws Rejected when the part cannot be read or cannot be acted upon as an iTIP message
     */
    List<CalendarEvent> invitation(byte[] content, String mimeMethod) throws Rejected;

    /**
     * The events and tasks of an object of a followed calendar (CalDAV, ICS), in file order.
     *
     * @throws Rejected when the object cannot be read
     */
    List<CalendarEvent> events(byte[] ics) throws Rejected;

    /** Why calendar data is set aside; the message is what {@code status} shows. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String reason) {
            super(reason);
        }
    }
}
