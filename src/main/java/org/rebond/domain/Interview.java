package org.rebond.domain;

import java.time.Instant;

/**
 * An information interview rebond follows: one per calendar identity (UID + recurrence id).
 *
 * @param id            store id (0 before it is stored)
 * @param uid           the calendar UID
 * @param recurrenceId  the recurrence id as text, empty for a single event
 * @param sequence      iTIP SEQUENCE of the version kept
 * @param dtstamp       iTIP DTSTAMP of the version kept (may be null)
 * @param state         where it stands
 * @param start         start instant
 * @param end           end instant
 * @param zone          zone for display (IANA id)
 * @param floating      the invitation had no zone; the user's zone was assumed
 * @param summary       the invitation's title
 * @param location      where, may be empty
 * @param organizer     organizer address, may be empty
 * @param contact       the person met
 * @param referrer      who put them in touch, or null
 * @param reason        why it was taken as an information interview
 * @param sourceMessageId the Message-ID of the invitation mail, may be empty
 */
public record Interview(
        long id,
        String uid,
        String recurrenceId,
        int sequence,
        Instant dtstamp,
        State state,
        Instant start,
        Instant end,
        String zone,
        boolean floating,
        String summary,
        String location,
        String organizer,
        Person contact,
        Person referrer,
        String reason,
        String sourceMessageId) {

    public enum State {
        /** Planned: its actions are pending or done. */
        SCHEDULED,
        /** Cancelled by the organizer; pending actions removed. */
        CANCELLED,
        /** The user said not to follow it ({@code rebond ignore}). */
        IGNORED
    }

    /** A person: address lower case, display name possibly empty. */
    public record Person(String email, String name) {
        public String displayName() {
            return name == null || name.isBlank() ? email : name;
        }
    }

    public boolean active() {
        return state == State.SCHEDULED;
    }

    public Interview withId(long newId) {
        return new Interview(newId, uid, recurrenceId, sequence, dtstamp, state, start, end, zone, floating,
                summary, location, organizer, contact, referrer, reason, sourceMessageId);
    }

    public Interview withState(State newState) {
        return new Interview(id, uid, recurrenceId, sequence, dtstamp, newState, start, end, zone, floating,
                summary, location, organizer, contact, referrer, reason, sourceMessageId);
    }

    /** In another state, as of another version of the event (a CANCEL's SEQUENCE and DTSTAMP), so that older messages read as stale. */
    public Interview withState(State newState, int newSequence, Instant newDtstamp) {
        return new Interview(id, uid, recurrenceId, newSequence, newDtstamp, newState, start, end, zone, floating,
                summary, location, organizer, contact, referrer, reason, sourceMessageId);
    }
}
