package org.rebond.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pure rules of timing: what is due when, and what to do with an action that fires late
 * (DESIGN I7: each action has an explicit catch-up rule).
 */
public final class Planner {

    /** A late action within this margin still counts as on time. */
    private static final Duration GRACE = Duration.ofMinutes(1);
    /** How late a debrief prompt or a thank-you may still go out. */
    static final Duration FOLLOW_UP_LATE_LIMIT = Duration.ofDays(7);
    /** How late a keeping-you-posted draft may still go out. */
    static final Duration KEEP_POSTED_LATE_LIMIT = Duration.ofDays(30);

    private final Policy policy;

    public Planner(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Every action of an interview with its due instant, given that it is now {@code now}.
     * The brief comes {@code briefBefore} ahead, or at once when the interview was scheduled later
     * than that; it is left out when the interview has already started.
     */
    public List<PlannedAction> plan(Interview interview, Instant now) {
        List<PlannedAction> planned = new ArrayList<>();
        briefDue(interview, now).ifPresent(due -> planned.add(new PlannedAction(Action.BRIEF, due)));
        planned.add(new PlannedAction(Action.DEBRIEF_PROMPT, interview.end().plus(policy.debriefAfterEnd())));
        planned.add(new PlannedAction(Action.THANK_YOU, interview.end().plus(policy.thankYouAfterEnd())));
        for (int i = 0; i < policy.keepPostedAfterEnd().size(); i++) {
            planned.add(new PlannedAction(Action.keepPosted(i + 1), interview.end().plus(policy.keepPostedAfterEnd().get(i))));
        }
        return planned;
    }

    private Optional<Instant> briefDue(Interview interview, Instant now) {
        if (!now.isBefore(interview.start())) {
            return Optional.empty();
        }
        Instant due = interview.start().minus(policy.briefBefore());
        return Optional.of(due.isBefore(now) ? now : due);
    }

    /** The due instant of one action, if the plan still has it. */
    public Optional<Instant> dueOf(Interview interview, Action action, Instant now) {
        return plan(interview, now).stream().filter(p -> p.action().equals(action)).map(PlannedAction::due).findFirst();
    }

    /**
     * What to do with an action that fires at {@code now}: run it, wait (it fired early, e.g. after
     * the clock was set back), or skip it with a reason.
     */
    public FireDecision onFire(Interview interview, Action action, Instant now) {
        if (action.kind() == Action.Kind.BRIEF_UPDATE) {
            // The prep event follows a moved or cancelled interview, but only before it begins.
            if (interview.state() == Interview.State.IGNORED) {
                return FireDecision.skip("interview ignored");
            }
            return now.isBefore(interview.start()) ? FireDecision.run()
                    : FireDecision.skip("the interview had already started when the prep event update came due");
        }
        if (!interview.active()) {
            return FireDecision.skip("interview " + interview.state().name().toLowerCase(Locale.ROOT));
        }
        Optional<Instant> due = dueOf(interview, action, now);
        if (action.kind() == Action.Kind.BRIEF) {
            // A brief for an interview that has begun is pointless (I7).
            if (!now.isBefore(interview.start())) {
                return FireDecision.skip("the interview had already started when the brief came due");
            }
            Instant planned = interview.start().minus(policy.briefBefore());
            return now.plus(GRACE).isBefore(planned) ? FireDecision.waitUntil(planned) : FireDecision.run();
        }
        if (due.isEmpty()) {
            return FireDecision.skip("no longer part of the plan");
        }
        if (now.plus(GRACE).isBefore(due.get())) {
            return FireDecision.waitUntil(due.get());
        }
        // A few days late, a prompt, a thank-you or an update is still useful; long after, it is
        // noise (a first scan of an old mailbox finds interviews that are years old).
        Duration late = Duration.between(due.get(), now);
        Duration limit = action.kind() == Action.Kind.KEEP_POSTED ? KEEP_POSTED_LATE_LIMIT : FOLLOW_UP_LATE_LIMIT;
        if (late.compareTo(limit) > 0) {
            return FireDecision.skip("came due " + late.toDays() + " days ago, more than the " + limit.toDays()
                    + " days after which it would no longer help");
        }
        return FireDecision.run();
    }

    /** The outcome of {@link #onFire}. */
    public record FireDecision(Verdict verdict, Instant notBefore, String reason) {
        public enum Verdict { RUN, WAIT, SKIP }

        static FireDecision run() {
            return new FireDecision(Verdict.RUN, null, "");
        }

        static FireDecision waitUntil(Instant due) {
            return new FireDecision(Verdict.WAIT, due, "fired before it was due");
        }

        public static FireDecision skip(String reason) {
            return new FireDecision(Verdict.SKIP, null, reason);
        }
    }
}
