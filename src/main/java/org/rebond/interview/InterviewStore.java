package org.rebond.interview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where interviews, their notes and the referral network are kept. */
public interface InterviewStore {

    Optional<Interview> find(String uid, String recurrenceId);

    Optional<Interview> byId(long id);

    /** Inserts (id 0) or updates; returns the stored interview with its id. */
    Interview save(Interview interview);

    List<Interview> all();

    /** Position of this interview in the user's sequence (1 for the first), cancelled ones left out (M2). */
    int ordinalOf(Interview interview);

    void saveNotes(long interviewId, DebriefNotes notes, String sourceMessageId);

    Optional<DebriefNotes> notes(long interviewId);

    /** Who suggested meeting this address in an earlier debrief (M5), if anyone. */
    Optional<Interview.Person> suggestedBy(String email);

    /** Interviews held with people this contact suggested (M5, M7), oldest first. */
    List<Interview> metThanksTo(String referrerEmail);

    /** Whether the action has been delivered or deliberately skipped: nothing more to schedule. */
    boolean settled(long interviewId, Action action);

    /** Records what happened, for the status command and the demo's narration. */
    void journal(long interviewId, Instant at, String event, String detail);
}
