package org.rebond.application;

import java.util.List;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Invitation;

/** Reads iCalendar data as the events it holds: an invitation in a message, or an object of a followed calendar. */
public interface CalendarReader {

    /**
     * A message's calendar part as an iTIP message: its events, the part's {@code method=}
     * parameter and the calendar's own METHOD. Whether it can be acted upon is not judged here
     * ({@link Invitation#schedulingProblem()}, {@link InvitationTriage}).
     *
     * @param mimeMethod the {@code method=} parameter of the part's Content-Type, empty when none
     * @throws Rejected when the part cannot be read
     */
    Invitation invitation(byte[] content, String mimeMethod) throws Rejected;

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
