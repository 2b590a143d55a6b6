package org.rebond.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * When actions are due relative to an interview. The defaults follow METHOD.md: a brief the day
 * before, the debrief prompt at the end, a thank-you two hours later but not after 21:00 (the next
 * morning at 08:30 for an interview ending after 19:00), updates after three weeks and three
 * months (each counted from the latest exchange with the contact), brought forward to within a week of
 * a meeting with someone the contact suggested, paused after two updates left unanswered; the prep slot's calendar reminder ten minutes before it.
 *
 * @param keepPostedAfterEnd    the delays of the keeping-you-posted drafts, each counted from the latest exchange with
 *                              the contact (the interview, the previous update, a message either way)
 * @param zone                  the user's zone ({@code profile.time_zone}), in which the human hours are read
 * @param humanHours            the hours the prompt and the thank-you keep to
 * @param newsAfterReferralMet  how soon after a meeting with someone the contact suggested the next update is due
 * @param pauseAfterUnanswered  after this many updates the contact has not answered, no more are drafted (0: never pause)
 */
public record Policy(
        Duration briefBefore,
        Duration prepDuration,
        Duration debriefAfterEnd,
        Duration thankYouAfterEnd,
        List<Duration> keepPostedAfterEnd,
        Duration prepReminder,
        ZoneId zone,
        HumanHours humanHours,
        Duration newsAfterReferralMet,
        int pauseAfterUnanswered) {

    /** The default news after a referral was met: within a week. */
    public static final Duration NEWS_AFTER_REFERRAL_MET = Duration.ofDays(7);
    /** The default pause: after two updates the contact has not answered. */
    public static final int PAUSE_AFTER_UNANSWERED = 2;

    public Policy {
        keepPostedAfterEnd = List.copyOf(keepPostedAfterEnd);
        if (pauseAfterUnanswered < 0) {
            throw new IllegalArgumentException("pauseAfterUnanswered must be 0 or more");
        }
    }

    /** A policy with the default keep-posted cadence (news within a week of a referral met, pause after two unanswered). */
    public Policy(Duration briefBefore, Duration prepDuration, Duration debriefAfterEnd, Duration thankYouAfterEnd,
                  List<Duration> keepPostedAfterEnd, Duration prepReminder, ZoneId zone, HumanHours humanHours) {
        this(briefBefore, prepDuration, debriefAfterEnd, thankYouAfterEnd, keepPostedAfterEnd, prepReminder, zone, humanHours,
                NEWS_AFTER_REFERRAL_MET, PAUSE_AFTER_UNANSWERED);
    }

    /** The same policy with another keep-posted cadence. */
    public Policy withCadence(Duration newsAfterReferralMet, int pauseAfterUnanswered) {
        return new Policy(briefBefore, prepDuration, debriefAfterEnd, thankYouAfterEnd, keepPostedAfterEnd, prepReminder, zone, humanHours,
                newsAfterReferralMet, pauseAfterUnanswered);
    }

    /** The same policy with other human hours (e.g. {@link HumanHours#off()}). */
    public Policy withHumanHours(HumanHours hours) {
        return new Policy(briefBefore, prepDuration, debriefAfterEnd, thankYouAfterEnd, keepPostedAfterEnd, prepReminder, zone, hours,
                newsAfterReferralMet, pauseAfterUnanswered);
    }

    /** The default delays and human hours in {@code zone}. */
    public static Policy defaults(ZoneId zone) {
        return new Policy(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ZERO, Duration.ofHours(2),
                List.of(Duration.ofDays(21), Duration.ofDays(90)), Duration.ofMinutes(10), zone, HumanHours.DEFAULTS);
    }

    /** The defaults for a user in Europe/Paris (what the tests and samples assume). */
    public static Policy defaults() {
        return defaults(ZoneId.of("Europe/Paris"));
    }
}
