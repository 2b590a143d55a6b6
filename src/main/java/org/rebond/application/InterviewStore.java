package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;

/** Where interviews, their notes and the referral network are kept. */
public interface InterviewStore {

    Optional<Interview> find(String uid, String recurrenceId);

    Optional<Interview> byId(long id);

    /** Inserts (id 0) or updates; returns the stored interview with its id. */
    Interview save(Interview interview);

    List<Interview> all();


    /**
     * Keeps {@code notes} as the interview's notes (the use case has added what came earlier) and
     * {@code sourceId} among the sources they came from: a reply's Message-ID, or
     * {@code rebond notes N} for the N-th request of the command. A name kept in the same place keeps
     * its row, so the referral network still knows when it was first given.
     */
    void saveNotes(long interviewId, DebriefNotes notes, String sourceId);

    Optional<DebriefNotes> notes(long interviewId);

    /**
     * Who suggested meeting this person in an earlier debrief (M5), if anyone: {@code emailOrName} is
     * an address, matched with the addresses given, or a full name (two words at least), matched
     * with the names given without an address; case is ignored.
     */
    Optional<Interview.Person> suggestedBy(String emailOrName);

    /**
     * A name given in a debrief (M5): by whom, at the interview of which day, whether the user may
     * say so, and whether the giver will introduce the user (an introduction, not a suggestion).
     */
    record Suggestion(Interview.Person by, Instant metOn, boolean mayMention, boolean introduces) {}

    /** The latest debrief that gave this person (an address or a full name, as {@link #suggestedBy}), if any. */
    Optional<Suggestion> suggestionFor(String emailOrName);

    /** A name given in a debrief with its permissions, who gave it, and at the interview of which day ({@code interviewId}). */
    record NameSuggested(DebriefNotes.NameGiven name, Interview.Person by, Instant metOn, long interviewId) {}

    /** Every name given in a debrief, the one the user may keep ({@code mayNote}), oldest interview first. */
    List<NameSuggested> namesGiven();

    /** The interviews with this contact (any state), oldest first; the address's case does not matter. */
    List<Interview> withContact(String email);

    /** Interviews held with people this contact suggested (M5, M7), oldest first. */
    List<Interview> metThanksTo(String referrerEmail);

    /** Whether the action has been delivered or deliberately skipped: nothing more to schedule. */
    boolean settled(long interviewId, Action action);

    /**
     * Settles actions as skipped, each with its reason in the journal, without them ever being
     * scheduled: planned already too late to help (an old interview found by a first scan).
     */
    void skip(long interviewId, Map<Action, String> reasons, Instant at);

    /** Records what happened, for the status command and the demo's narration. */
    void journal(long interviewId, Instant at, String event, String detail);

    /** Whether the action was delivered (not merely skipped). */
    boolean delivered(long interviewId, Action action);

    /** Whether the action was delivered or is being delivered now (begun in the outbox, not settled). */
    boolean deliveredOrUnderWay(long interviewId, Action action);

    /**
     * Records that the prep event of an interview needs a new version: its SEQUENCE is the larger
     * of {@code atLeast} and one more than the last version recorded. Returns that SEQUENCE.
     */
    int requestPrepUpdate(long interviewId, int atLeast, Instant previousStart, Instant previousEnd, Instant at);

    /** The prep-event versions recorded for an interview, lowest first. */
    List<PrepUpdate> prepUpdates(long interviewId);

    /** One version of a delivered prep event; {@code previousStart}/{@code previousEnd} are the times it replaces. */
    record PrepUpdate(long interviewId, int prepSequence, Instant previousStart, Instant previousEnd) {}

    /**
     * Records that the thank-you draft should be written again with newer notes (one more revision
     * of it, {@code Action.thankYouRevision(n)}). Returns its number, from 1.
     */
    int requestDraftRevision(long interviewId, Instant at);

    /** The numbers of the thank-you revisions requested for an interview, lowest first. */
    List<Integer> draftRevisions(long interviewId);

    /** Keeps (inserts, or replaces when newer in iTIP order) an event seen but not taken. */
    SeenEvent rememberSeen(SeenEvent event);

    Optional<SeenEvent> findSeen(String uid, String recurrenceId);

    Optional<SeenEvent> seenById(long id);

    void saveSeenState(long id, SeenEvent.State state, long interviewId);

    /** Events seen but not taken (state SEEN) starting at or after {@code since}, most recently seen first. */
    List<SeenEvent> recentlySeen(Instant since, int limit);

    /** The latest source the notes of an interview came from (a reply's Message-ID, or {@code rebond notes N}), if they came. */
    default Optional<String> notesSource(long interviewId) {
        List<NotesSource> sources = notesSources(interviewId);
        return sources.isEmpty() ? Optional.empty() : Optional.of(sources.get(sources.size() - 1).sourceId());
    }

    /** Where the notes of an interview came from, oldest first. */
    List<NotesSource> notesSources(long interviewId);

    /** Whether these notes were already taken (the same reply seen in two folders counts once). */
    default boolean notesTakenFrom(long interviewId, String sourceId) {
        return notesSources(interviewId).stream().anyMatch(s -> s.sourceId().equals(sourceId));
    }

    /** One go of notes: a reply's Message-ID or {@code rebond notes N}, and when it was taken. */
    record NotesSource(String sourceId, Instant receivedAt) {}

    /** The addresses of the people rebond follows interviews with, or who were named in a debrief (lower case). */
    Set<String> knownContacts();

    /** Whether an address, or a full name, was given in an earlier debrief (as {@link #suggestedBy}). */
    boolean isSuggestedContact(String emailOrName);

    /** One line of the journal. */
    record JournalLine(long id, long interviewId, Instant at, String event, String detail) {}

    /** What happened to an interview, oldest first (what {@code status} tells). */
    List<JournalLine> journalOf(long interviewId);

}
