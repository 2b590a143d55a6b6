package org.rebond.application;

import java.util.List;
import org.rebond.domain.CalendarEvent;

/** Reads the calendar part of a message as the invitation it carries (iCalendar, iTIP). */
public interface InvitationReader {

    /**
     * The events of one calendar part, each carrying the method to act on (the body's METHOD, or
     * the MIME {@code method=} parameter when the body has none).
     *
     * @throws Rejected when the part cannot be read or cannot be acted upon as an iTIP message
     */
    List<CalendarEvent> read(byte[] content, String mimeMethod) throws Rejected;

    /** Why a calendar part is set aside; the message is what {@code status} shows. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String reason) {
            super(reason);
        }
    }
}
