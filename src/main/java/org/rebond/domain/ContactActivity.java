package org.rebond.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened with the contact of an interview since it ended, as the keep-posted cadence reads it
 * (METHOD M7). The application gathers these facts from the mailbox and the store; the
 * {@link Planner} decides from them alone.
 *
 * @param lastExchange          the latest exchange with the contact after the interview's end: a message either way
 *                              or another meeting with them; empty when none
 * @param unansweredFromContact the contact's message when it is the latest exchange (the user has not answered yet)
 * @param metThanksTo           interviews with people this contact suggested, with when they end, oldest first
 * @param lastNews              when the last keeping-you-posted draft was made; empty when none was
 * @param newsSettled           how many keeping-you-posted drafts are settled (made, or skipped on purpose)
 * @param unansweredUpdates     how many updates the user sent the contact since the contact last wrote
 */
public record ContactActivity(Optional<Instant> lastExchange, Optional<Message> unansweredFromContact, List<Met> metThanksTo,
                              Optional<Instant> lastNews, int newsSettled, int unansweredUpdates) {

    /** A message from the contact: when it was sent and its subject. */
    public record Message(Instant at, String subject) {}

    /** An interview held (or to be held) with someone the contact suggested: its number, the person's name, its end. */
    public record Met(long interviewId, String name, Instant end) {}

    public ContactActivity {
        metThanksTo = List.copyOf(metThanksTo);
    }

    /** Nothing known since the interview: the updates come at their plain delays after the end. */
    public static ContactActivity none() {
        return new ContactActivity(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 0, 0);
    }
}
