package org.rebond.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pure rules of timing: what is due when, and what to do with an action that fires late
 * (DESIGN I7: each action has an explicit catch-up rule).
 *
 * <p>The debrief prompt and the thank-you keep to human hours in the user's zone
 * ({@link Policy#humanHours()}): the thank-you is due {@code thankYouAfterEnd} after the end but not
 * after 21:00; an interview ending after 19:00 (or in the night) gets it the next morning at 08:30.
 * The prompt is due {@code debriefAfterEnd} after the end, unless that is night (after 21:00 or
 * before 08:30): then it comes the next morning at 08:30, and the thank-you as long after it as the
 * two delays are apart, so the notes can still shape the draft. Both are always within 24 hours of
 * the end. The wall-clock times are read in the zone with its daylight-saving rules.
 *
 * <p>The keeping-you-posted drafts (METHOD M7) follow what happened with the contact
 * ({@link ContactActivity}): each delay of {@code keepPostedAfterEnd} counts from the latest
 * exchange (the interview, the previous update, a message either way, another meeting); a meeting
 * with someone the contact suggested brings the next one forward to {@code newsAfterReferralMet}
 * after it, so it can name the person met; and none is drafted while the contact's message waits
 * for an answer, or after {@code pauseAfterUnanswered} updates the contact did not answer: the
 * update then waits and is looked at again every day.
 */
public final class Planner {

    /** A late action within this margin still counts as on time. */
    private static final Duration GRACE = Duration.ofMinutes(1);
    /** How late a debrief prompt or a thank-you may still go out. */
    static final Duration FOLLOW_UP_LATE_LIMIT = Duration.ofDays(7);
    /** The prompt and the thank-you are never due later than this after the end. */
    static final Duration FOLLOW_UP_WITHIN = Duration.ofHours(24);
    /** How late a keeping-you-posted draft may still go out. */
    static final Duration KEEP_POSTED_LATE_LIMIT = Duration.ofDays(30);
    /** How often an update held back (an answer owed, a pause) is looked at again. */
    static final Duration RECHECK = Duration.ofDays(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

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
        return plan(interview, now, ContactActivity.none());
    }

    /** Every action of an interview with its due instant, the updates following what happened with the contact. */
    public List<PlannedAction> plan(Interview interview, Instant now, ContactActivity activity) {
        List<PlannedAction> planned = new ArrayList<>();
        briefDue(interview, now).ifPresent(due -> planned.add(new PlannedAction(Action.BRIEF, due)));
        planned.add(new PlannedAction(Action.DEBRIEF_PROMPT, promptDue(interview).at()));
        planned.add(new PlannedAction(Action.THANK_YOU, thankYouDue(interview).at()));
        for (int i = 0; i < policy.keepPostedAfterEnd().size(); i++) {
            planned.add(new PlannedAction(Action.keepPosted(i + 1), newsDue(interview, i + 1, activity).at()));
        }
        return planned;
    }

    /** When a keeping-you-posted draft is due, and the meeting thanks to the contact that brought it forward, if one did. */
    public record NewsDue(Instant at, Optional<ContactActivity.Met> broughtForwardBy) {}

    /**
     * When keeping-you-posted draft {@code number} (from 1) is due: its delay after the latest
     * exchange with the contact; the next one to come is brought forward to
     * {@code newsAfterReferralMet} after the first meeting thanks to the contact held since the
     * interview and the last update, when that is sooner.
     */
    public NewsDue newsDue(Interview interview, int number, ContactActivity activity) {
        Instant since = latest(interview.end(), activity.lastNews());
        Instant plain = latest(since, activity.lastExchange()).plus(policy.keepPostedAfterEnd().get(number - 1));
        if (number == activity.newsSettled() + 1) {
            Optional<ContactActivity.Met> met = activity.metThanksTo().stream().filter(m -> m.end().isAfter(since))
                    .min(Comparator.comparing(ContactActivity.Met::end));
            if (met.isPresent() && met.get().end().plus(policy.newsAfterReferralMet()).isBefore(plain)) {
                return new NewsDue(met.get().end().plus(policy.newsAfterReferralMet()), met);
            }
        }
        return new NewsDue(plain, Optional.empty());
    }

    private static Instant latest(Instant instant, Optional<Instant> other) {
        return other.filter(o -> o.isAfter(instant)).orElse(instant);
    }

    /**
     * Why an update due now is held back, in words the user reads in {@code rebond status}: the
     * contact wrote last and the user has not answered, or the contact left the last updates
     * unanswered ({@code pauseAfterUnanswered}). Empty when it may be drafted.
     */
    public Optional<String> newsHeldBack(Interview interview, ContactActivity activity) {
        String name = interview.contact().displayName();
        if (activity.unansweredFromContact().isPresent()) {
            ContactActivity.Message m = activity.unansweredFromContact().get();
            return Optional.of(name + " wrote to you on " + DAY.format(m.at().atZone(policy.zone())) + " (subject \"" + SingleLine.of(m.subject())
                    + "\"): reply to " + name + " rather than sending news");
        }
        int pause = policy.pauseAfterUnanswered();
        if (pause > 0 && activity.unansweredUpdates() >= pause) {
            return Optional.of("paused: " + name + " has not answered your last " + activity.unansweredUpdates() + " updates");
        }
        return Optional.empty();
    }

    /** When the debrief prompt is due and why then. */
    public Due promptDue(Interview interview) {
        Instant end = interview.end();
        Instant plain = end.plus(policy.debriefAfterEnd());
        HumanHours hours = policy.humanHours();
        if (!hours.on() || !hours.night(local(plain).toLocalTime())) {
            return within24h(end, new Due(plain, Shift.NONE));
        }
        return within24h(end, new Due(nextMorning(plain), Shift.NEXT_MORNING_NIGHT));
    }

    /** When the thank-you draft is due and why then. */
    public Due thankYouDue(Interview interview) {
        Instant end = interview.end();
        Instant plain = end.plus(policy.thankYouAfterEnd());
        HumanHours hours = policy.humanHours();
        if (!hours.on()) {
            return within24h(end, new Due(plain, Shift.NONE));
        }
        ZonedDateTime endLocal = local(end);
        Due due;
        if (hours.lateEnd(endLocal.toLocalTime())) {
            due = new Due(nextMorning(end), endLocal.toLocalTime().isBefore(hours.nextMorningAt()) ? Shift.NEXT_MORNING_NIGHT
                    : Shift.NEXT_MORNING_LATE_END);
        } else {
            Instant latest = at(endLocal.toLocalDate(), hours.notAfter());
            due = plain.isAfter(latest) ? new Due(latest.isBefore(end) ? end : latest, Shift.NOT_AFTER) : new Due(plain, Shift.NONE);
        }
        Due prompt = promptDue(interview);
        if (prompt.shift() != Shift.NONE) {
            Duration gap = policy.thankYouAfterEnd().minus(policy.debriefAfterEnd());
            Instant afterPrompt = prompt.at().plus(gap.isNegative() ? Duration.ZERO : gap);
            if (due.at().isBefore(afterPrompt)) {
                due = new Due(afterPrompt, Shift.AFTER_MORNING_PROMPT);
            }
        }
        return within24h(end, due);
    }

    private static Due within24h(Instant end, Due due) {
        Instant limit = end.plus(FOLLOW_UP_WITHIN);
        return due.at().isAfter(limit) ? new Due(limit, Shift.WITHIN_24_HOURS) : due;
    }

    private ZonedDateTime local(Instant instant) {
        return instant.atZone(policy.zone());
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, policy.zone()).toInstant();
    }

    /** The first {@code nextMorningAt} after {@code instant} in the user's zone. */
    private Instant nextMorning(Instant instant) {
        LocalDate day = local(instant).toLocalDate();
        Instant morning = at(day, policy.humanHours().nextMorningAt());
        return morning.isAfter(instant) ? morning : at(day.plusDays(1), policy.humanHours().nextMorningAt());
    }

    /** Why a follow-up is due when it is, for {@code rebond status}. */
    public enum Shift {
        /** At its delay after the end. */
        NONE,
        /** Its delay after the end would pass {@link HumanHours#notAfter()}: due at that time. */
        NOT_AFTER,
        /** The interview ended after {@link HumanHours#lateEndAfter()}: due the next morning. */
        NEXT_MORNING_LATE_END,
        /** It would land in the night (the interview ended late or very early): due the next morning. */
        NEXT_MORNING_NIGHT,
        /** The prompt moved to the morning, so the thank-you follows it by the usual gap. */
        AFTER_MORNING_PROMPT,
        /** Capped at 24 hours after the end. */
        WITHIN_24_HOURS
    }

    /** A due instant and why it is then. */
    public record Due(Instant at, Shift shift) {}

    private Optional<Instant> briefDue(Interview interview, Instant now) {
        if (!now.isBefore(interview.start())) {
            return Optional.empty();
        }
        Instant due = interview.start().minus(policy.briefBefore());
        return Optional.of(due.isBefore(now) ? now : due);
    }

    /** The due instant of one action, if the plan still has it. */
    public Optional<Instant> dueOf(Interview interview, Action action, Instant now) {
        return dueOf(interview, action, now, ContactActivity.none());
    }

    private Optional<Instant> dueOf(Interview interview, Action action, Instant now, ContactActivity activity) {
        return plan(interview, now, activity).stream().filter(p -> p.action().equals(action)).map(PlannedAction::due).findFirst();
    }

    /**
     * What to do with an action that fires at {@code now}: run it, wait (it fired early, e.g. after
     * the clock was set back), or skip it with a reason.
     */
    public FireDecision onFire(Interview interview, Action action, Instant now) {
        return onFire(interview, action, now, ContactActivity.none());
    }

    /**
     * As {@link #onFire(Interview, Action, Instant)}, an update following what happened with the
     * contact: due later after a newer exchange, held back (looked at again in a day, never lost)
     * while an answer is owed or the updates are paused.
     */
    public FireDecision onFire(Interview interview, Action action, Instant now, ContactActivity activity) {
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
        Optional<Instant> due = dueOf(interview, action, now, activity);
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
        if (action.kind() == Action.Kind.KEEP_POSTED) {
            Optional<String> held = newsHeldBack(interview, activity);
            if (held.isPresent()) {
                return new FireDecision(FireDecision.Verdict.WAIT, now.plus(RECHECK), held.get());
            }
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
