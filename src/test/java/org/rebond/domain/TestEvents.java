package org.rebond.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link CalendarEvent}s by hand: an information interview with a contact, changed one field at a time. */
public final class TestEvents {

    public static final String USER = "sam.martin@example.net";
    public static final String CONTACT = "claire.dubois@acme.example";

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

    public static TestEvents invitation() {
        return new TestEvents();
    }

    public TestEvents method(String m) { method = m; return this; }
    public TestEvents uid(String u) { uid = u; return this; }
    public TestEvents recurrenceId(EventTime r) { recurrenceId = r; return this; }
    public TestEvents sequence(int s) { sequence = s; return this; }
    public TestEvents dtstamp(Instant d) { dtstamp = d; return this; }
    public TestEvents status(String s) { status = s; return this; }
    public TestEvents start(Instant s) { start = s; return this; }
    public TestEvents length(Duration l) { length = l; return this; }
    public TestEvents organizer(String email, String name) { organizer = email; organizerName = name; return this; }
    public TestEvents attendee(String email, String name) { attendees.add(new CalendarEvent.Attendee(email, name, "REQ-PARTICIPANT", "NEEDS-ACTION")); return this; }
    public TestEvents summary(String s) { summary = s; return this; }
    public TestEvents description(String d) { description = d; return this; }

    public CalendarEvent build() {
        return new CalendarEvent("VEVENT", method, uid, recurrenceId, sequence, dtstamp, status,
                start == null ? null : EventTime.utc(start), start == null ? null : EventTime.utc(start.plus(length)),
                organizer, organizerName, attendees, summary, description, "Café de la Gare", List.of(), "", List.of());
    }
}
