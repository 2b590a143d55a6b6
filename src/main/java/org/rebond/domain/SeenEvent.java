package org.rebond.domain;

import java.time.Instant;
import java.util.List;

/**
 * A calendar event rebond saw and did not take as an information interview, kept with what
 * {@code rebond track} needs to follow it later, and so that an event the user ignored is never
 * detected again.
 *
 * @param id              store id (0 before it is stored), shown as {@code e<id>} by {@code status}
 * @param contact         the person to meet, chosen as the detector does (empty when nobody was found)
 * @param referrer        who put them in touch, as named in the description (address or name), empty when unknown
 * @param reason          why it was not taken
 */
public record SeenEvent(
        long id,
        String uid,
        String recurrenceId,
        int sequence,
        Instant dtstamp,
        Instant start,
        Instant end,
        String zone,
        boolean floating,
        String summary,
        String location,
        String organizer,
        String organizerName,
        List<CalendarEvent.Attendee> attendees,
        Interview.Person contact,
        String referrer,
        String reason,
        String sourceMessageId,
        State state,
        long interviewId,
        Instant seenAt) {

    public SeenEvent {
        attendees = List.copyOf(attendees);
    }

    public enum State {
        /** Seen, not taken: the user may track it. */
        SEEN,
        /** The user tracked it: it is interview {@code interviewId} now. */
        TRACKED,
        /** The user said to ignore it: it is never detected again. */
        IGNORED,
        /** Cancelled by its organizer before anyone took it. */
        CANCELLED
    }

    /** The id as {@code status} shows it and {@code track} takes it. */
    public String label() {
        return "e" + id;
    }

    public SeenEvent with(State newState, long newInterviewId) {
        return new SeenEvent(id, uid, recurrenceId, sequence, dtstamp, start, end, zone, floating, summary, location, organizer,
                organizerName, attendees, contact, referrer, reason, sourceMessageId, newState, newInterviewId, seenAt);
    }
}
