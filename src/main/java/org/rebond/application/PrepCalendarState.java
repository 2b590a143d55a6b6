package org.rebond.application;

import java.time.Instant;
import java.util.Optional;

/** The prep events written to the prep calendar: where, with which ETag and SEQUENCE, for which times. */
public interface PrepCalendarState {

    record Placed(String href, String etag, int sequence, Instant start, Instant end) {}

    Optional<Placed> placed(String interviewUid, String recurrenceId);

    void savePlaced(String interviewUid, String recurrenceId, Placed placed);

    void removePlaced(String interviewUid, String recurrenceId);
}
