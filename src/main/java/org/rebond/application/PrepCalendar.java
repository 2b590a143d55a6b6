package org.rebond.application;

import java.time.Instant;
import java.util.Optional;
import org.rebond.domain.Interview;

/**
 * The user's writable calendar where the prep event of each interview is placed once its brief is
 * delivered (DESIGN, Deliver). Only rebond's own prep events are ever written there: never the
 * organizer's event, never an attendee.
 */
public interface PrepCalendar {

    /** Where the prep event of an interview is, as last written; empty when none was written. */
    Optional<Placement> placement(Interview interview);

    /** Writes the prep event, or updates it (same UID, higher SEQUENCE) when one is there already. */
    void write(Interview interview, Instant start, Instant end, String summary, String description, String briefHtml);

    /** Removes the prep event; nothing happens when there is none. */
    void remove(Interview interview);

    record Placement(Instant start, Instant end) {}
}
