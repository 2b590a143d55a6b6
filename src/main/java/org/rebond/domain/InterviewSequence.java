package org.rebond.domain;

import java.time.Instant;
import java.util.Collection;

/**
 * Where an interview stands in the user's sequence (METHOD M2): the information interviews already
 * held before it. Interviews still to come, cancelled or ignored ones do not count.
 */
public final class InterviewSequence {

    /** The first interviews are where the user learns the method; a senior contact is a caution then. */
    public static final int LEARNING_INTERVIEWS = 3;

    private InterviewSequence() {
    }

    /** How many interviews of {@code all} were held (ended by {@code now}) and started before {@code interview}. */
    public static int heldBefore(Interview interview, Collection<Interview> all, Instant now) {
        int held = 0;
        for (Interview other : all) {
            if (other.id() != interview.id() && other.state() == Interview.State.SCHEDULED
                    && other.start().isBefore(interview.start()) && !other.end().isAfter(now)) {
                held++;
            }
        }
        return held;
    }

    /** The interview's place in the sequence: 1 for the first, counting only those held before it. */
    public static int ordinal(Interview interview, Collection<Interview> all, Instant now) {
        return heldBefore(interview, all, now) + 1;
    }

    /** Whether the user is still among their first interviews at this one. */
    public static boolean learning(int ordinal) {
        return ordinal <= LEARNING_INTERVIEWS;
    }
}
