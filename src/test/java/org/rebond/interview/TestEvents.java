package org.rebond.interview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rebond.calendar.CalendarEvent;
import org.rebond.calendar.EventTime;

/** Builds {@link CalendarEvent}s by hand: an information interview with a contact, changed one field at a time. */
final class TestEvents {

    static final String USER = "sam.martin@example.net";
    static final String CONTACT = "claire.dubois@acme.example";

    private String method = "REQUEST";
    private String uid = "iv-1@acme.example";
    private EventTime recurrenceId;
    private int sequence;
    private Instant dtstamp = Instant.parse("2025-03-01T10:00:00Z");
    private String status = "CONFIRMED";
    private Instant start = Instant.parse("2025-03-10T09:00:00Z");
    private Duration length = Duration.ofMinutes(30);
    private String organizer = CONTACT;
    private String organizerName = "Claire Dubois";
    private final List<CalendarEvent.Attendee> attendees = new ArrayList<>(List.of(
            new CalendarEvent.Attendee(USER, "Sam Martin", "REQ-PARTICIPANT", "NEEDS-ACTION")));
    private String summary = "Information interview with Claire";
    private String description = "";

    static TestEvents invitation() {
        return new TestEvents();
    }

    TestEvents method(String m) { method = m; return this; }
    TestEvents uid(String u) { uid = u; return this; }
    TestEvents recurrenceId(EventTime r) { recurrenceId = r; return this; }
    TestEvents sequence(int s) { sequence = s; return this; }
    TestEvents dtstamp(Instant d) { dtstamp = d; return this; }
    TestEvents status(String s) { status = s; return this; }
    TestEvents start(Instant s) { start = s; return this; }
    TestEvents length(Duration l) { length = l; return this; }
    TestEvents organizer(String email, String name) { organizer = email; organizerName = name; return this; }
    TestEvents attendee(String email, String name) { attendees.add(new CalendarEvent.Attendee(email, name, "REQ-PARTICIPANT", "NEEDS-ACTION")); return this; }
    TestEvents summary(String s) { summary = s; return this; }
    TestEvents description(String d) { description = d; return this; }

    CalendarEvent build() {
        return new CalendarEvent("VEVENT", method, uid, recurrenceId, sequence, dtstamp, status,
                start == null ? null : EventTime.utc(start), start == null ? null : EventTime.utc(start.plus(length)),
                organizer, organizerName, attendees, summary, description, "Café de la Gare", List.of(), "", List.of());
    }
}
