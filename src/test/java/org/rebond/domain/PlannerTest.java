package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rebond.domain.Planner.Shift;
import org.rebond.domain.Planner.FireDecision.Verdict;

class PlannerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = Instant.parse("2025-06-12T13:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));

    private final Planner planner = new Planner(Policy.defaults());

    static Interview interview(Instant start, Instant end, Interview.State state) {
        return new Interview(7, "iv-1@acme.example", "", 0, null, state, start, end, "Europe/Paris", false,
                "Information interview with Claire", "", "claire@acme.example",
                new Interview.Person("claire@acme.example", "Claire"), null, "title", "");
    }

    private static Interview scheduled(Instant start, Instant end) {
        return interview(start, end, Interview.State.SCHEDULED);
    }

    @Test
    void theDefaultPolicyPlansABriefTheDayBeforeThenThePromptTheThankYouAndTwoUpdates() {
        List<PlannedAction> plan = planner.plan(scheduled(START, END), START.minus(Duration.ofDays(5)));

        assertThat(plan).containsExactly(
                new PlannedAction(Action.BRIEF, START.minus(Duration.ofHours(24))),
                new PlannedAction(Action.DEBRIEF_PROMPT, END),
                new PlannedAction(Action.THANK_YOU, END.plus(Duration.ofHours(2))),
                new PlannedAction(Action.keepPosted(1), END.plus(Duration.ofDays(21))),
                new PlannedAction(Action.keepPosted(2), END.plus(Duration.ofDays(90))));
    }

    @Test
    void anInterviewNearerThanADayGetsItsBriefAtOnce() {
        Instant now = START.minus(Duration.ofHours(3));

        assertThat(planner.dueOf(scheduled(START, END), Action.BRIEF, now)).contains(now);
    }

    @Test
    void anInterviewThatHasStartedGetsNoBriefButKeepsItsOtherActions() {
        Instant now = START.plus(Duration.ofMinutes(5));

        List<PlannedAction> plan = planner.plan(scheduled(START, END), now);

        assertThat(plan).extracting(PlannedAction::action).doesNotContain(Action.BRIEF)
                .contains(Action.DEBRIEF_PROMPT, Action.THANK_YOU, Action.keepPosted(1), Action.keepPosted(2));
        assertThat(planner.plan(scheduled(START, END), START)).extracting(PlannedAction::action).doesNotContain(Action.BRIEF);
    }

    @Test
    void aBriefThatFiresAfterTheInterviewStartedIsSkippedWithAReason() {
        Planner.FireDecision decision = planner.onFire(scheduled(START, END), Action.BRIEF, START.plus(Duration.ofDays(2)));

        assertThat(decision.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(decision.reason()).contains("already started");
    }

    @Test
    void aBriefThatFiresLateButBeforeTheInterviewStillRuns() {
        Planner.FireDecision decision = planner.onFire(scheduled(START, END), Action.BRIEF, START.minus(Duration.ofHours(2)));

        assertThat(decision.verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void aThankYouThatFiresDaysLateStillRuns() {
        Planner.FireDecision decision = planner.onFire(scheduled(START, END), Action.THANK_YOU, END.plus(Duration.ofDays(4)));

        assertThat(decision.verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void aThankYouOrPromptMoreThanAWeekLateIsSkippedWithAReason() {
        Instant lateBy8Days = END.plus(Duration.ofHours(2)).plus(Duration.ofDays(8));

        Planner.FireDecision thanks = planner.onFire(scheduled(START, END), Action.THANK_YOU, lateBy8Days);
        Planner.FireDecision prompt = planner.onFire(scheduled(START, END), Action.DEBRIEF_PROMPT, lateBy8Days);

        assertThat(thanks.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(thanks.reason()).contains("8 days ago");
        assertThat(prompt.verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void aKeepPostedUpdateFoundYearsLateOnAFirstScanIsSkippedButOneAWeekLateRuns() {
        Instant due = END.plus(Duration.ofDays(21));

        assertThat(planner.onFire(scheduled(START, END), Action.keepPosted(1), due.plus(Duration.ofDays(7))).verdict())
                .isEqualTo(Verdict.RUN);
        assertThat(planner.onFire(scheduled(START, END), Action.keepPosted(1), due.plus(Duration.ofDays(730))).verdict())
                .isEqualTo(Verdict.SKIP);
    }

    @Test
    void anActionFiringWellBeforeItIsDueWaitsUntilItsDueInstant() {
        Instant clockSetBack = END.minus(Duration.ofDays(2));

        Planner.FireDecision thanks = planner.onFire(scheduled(START, END), Action.THANK_YOU, clockSetBack);
        Planner.FireDecision brief = planner.onFire(scheduled(START, END), Action.BRIEF, START.minus(Duration.ofDays(3)));

        assertThat(thanks.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(thanks.notBefore()).isEqualTo(END.plus(Duration.ofHours(2)));
        assertThat(brief.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(brief.notBefore()).isEqualTo(START.minus(Duration.ofHours(24)));
    }

    @Test
    void anActionFiringWithinTheGraceMinuteRuns() {
        Instant due = END.plus(Duration.ofHours(2));

        assertThat(planner.onFire(scheduled(START, END), Action.THANK_YOU, due.minusSeconds(30)).verdict()).isEqualTo(Verdict.RUN);
    }

    @Test
    void anyActionOfACancelledInterviewIsSkipped() {
        Interview cancelled = interview(START, END, Interview.State.CANCELLED);

        for (Action action : List.of(Action.BRIEF, Action.DEBRIEF_PROMPT, Action.THANK_YOU, Action.keepPosted(1))) {
            Planner.FireDecision decision = planner.onFire(cancelled, action, END.plus(Duration.ofDays(30)));
            assertThat(decision.verdict()).as(action.label()).isEqualTo(Verdict.SKIP);
            assertThat(decision.reason()).contains("cancelled");
        }
    }

    @Test
    void aKeepPostedNumberThePolicyDoesNotHaveIsSkipped() {
        Planner.FireDecision decision = planner.onFire(scheduled(START, END), Action.keepPosted(3), END.plus(Duration.ofDays(400)));

        assertThat(decision.verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void theBriefOfAnInterviewTheMorningOfTheSpringForwardChangeComesTwentyFourRealHoursBefore() {
        // Paris moves from +01:00 to +02:00 at 02:00 on 30 March 2025; 09:00 that day is 07:00 UTC.
        Instant start = ZonedDateTime.of(LocalDateTime.parse("2025-03-30T09:00"), PARIS).toInstant();
        assertThat(start).isEqualTo(Instant.parse("2025-03-30T07:00:00Z"));

        Instant brief = planner.dueOf(scheduled(start, start.plus(Duration.ofMinutes(30))), Action.BRIEF,
                Instant.parse("2025-03-20T00:00:00Z")).orElseThrow();

        assertThat(brief).isEqualTo(Instant.parse("2025-03-29T07:00:00Z"));
        // 24 hours of real time, so 08:00 on the wall clock the day before, not 09:00 (local arithmetic).
        assertThat(brief.atZone(PARIS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-29T08:00"));
    }

    @Test
    void theBriefOfAnInterviewTheDayAfterTheSpringForwardChangeIsAnInstantTwentyFourHoursBefore() {
        Instant start = ZonedDateTime.of(LocalDateTime.parse("2025-03-31T09:00"), PARIS).toInstant();

        Instant brief = planner.dueOf(scheduled(start, start.plus(Duration.ofMinutes(30))), Action.BRIEF,
                Instant.parse("2025-03-20T00:00:00Z")).orElseThrow();

        assertThat(brief).isEqualTo(Instant.parse("2025-03-30T07:00:00Z"));
        assertThat(Duration.between(brief, start)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theKeepPostedUpdatesAfterTheAutumnChangeAreCountedInRealDays() {
        // Ends 1 October 2025 in Paris (+02:00); 90 days later Paris is on +01:00.
        Instant start = Instant.parse("2025-10-01T07:00:00Z");
        Instant end = start.plus(Duration.ofMinutes(30));

        Instant second = planner.dueOf(scheduled(start, end), Action.keepPosted(2), start.minus(Duration.ofDays(1))).orElseThrow();

        assertThat(second).isEqualTo(end.plus(Duration.ofDays(90)));
    }

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static Interview endingAt(Instant end) {
        return scheduled(end.minus(Duration.ofMinutes(30)), end);
    }

    private static Policy withThankYouAfter(Duration delay, HumanHours hours) {
        Policy d = Policy.defaults();
        return new Policy(d.briefBefore(), d.prepDuration(), d.debriefAfterEnd(), delay, d.keepPostedAfterEnd(), d.prepReminder(), PARIS, hours);
    }

    @ParameterizedTest(name = "an interview ending {0} in Paris: prompt {1}, thank-you {2} ({3})")
    @CsvSource({
            // ends (Paris)       debrief prompt        thank-you             why the thank-you is then
            "2025-06-12T10:00, 2025-06-12T10:00, 2025-06-12T12:00, NONE",
            "2025-06-12T18:30, 2025-06-12T18:30, 2025-06-12T20:30, NONE",
            "2025-06-12T19:00, 2025-06-12T19:00, 2025-06-12T21:00, NONE",
            "2025-06-12T19:01, 2025-06-12T19:01, 2025-06-13T08:30, NEXT_MORNING_LATE_END",
            "2025-06-12T20:45, 2025-06-12T20:45, 2025-06-13T08:30, NEXT_MORNING_LATE_END",
            "2025-06-12T21:00, 2025-06-12T21:00, 2025-06-13T08:30, NEXT_MORNING_LATE_END",
            "2025-06-12T21:30, 2025-06-13T08:30, 2025-06-13T10:30, AFTER_MORNING_PROMPT",
            "2025-06-12T23:50, 2025-06-13T08:30, 2025-06-13T10:30, AFTER_MORNING_PROMPT",
            "2025-06-13T01:00, 2025-06-13T08:30, 2025-06-13T10:30, AFTER_MORNING_PROMPT",
            "2025-06-13T08:30, 2025-06-13T08:30, 2025-06-13T10:30, NONE",
            // Paris springs forward at 02:00 on 30 March 2025, falls back at 03:00 on 26 October 2025.
            "2025-03-29T19:30, 2025-03-29T19:30, 2025-03-30T08:30, NEXT_MORNING_LATE_END",
            "2025-03-30T01:30, 2025-03-30T08:30, 2025-03-30T10:30, AFTER_MORNING_PROMPT",
            "2025-03-30T18:30, 2025-03-30T18:30, 2025-03-30T20:30, NONE",
            "2025-03-30T20:00, 2025-03-30T20:00, 2025-03-31T08:30, NEXT_MORNING_LATE_END",
            "2025-10-25T22:00, 2025-10-26T08:30, 2025-10-26T10:30, AFTER_MORNING_PROMPT",
            "2025-10-26T18:30, 2025-10-26T18:30, 2025-10-26T20:30, NONE",
            "2025-10-26T19:30, 2025-10-26T19:30, 2025-10-27T08:30, NEXT_MORNING_LATE_END",
    })
    void theThankYouIsDueTwoHoursAfterTheEndButNotAfterNinePmAndTheNextMorningForALateInterview(
            String ends, String prompt, String thankYou, Shift why) {
        Interview interview = endingAt(paris(ends));

        assertThat(planner.dueOf(interview, Action.DEBRIEF_PROMPT, interview.start().minus(Duration.ofDays(3)))).contains(paris(prompt));
        assertThat(planner.dueOf(interview, Action.THANK_YOU, interview.start().minus(Duration.ofDays(3)))).contains(paris(thankYou));
        assertThat(planner.thankYouDue(interview).shift()).isEqualTo(why);
    }

    @Test
    void aThankYouTheNextMorningAfterTheSpringForwardNightComesTwelveRealHoursLaterNotThirteen() {
        Instant end = paris("2025-03-29T19:30");

        Instant due = planner.thankYouDue(endingAt(end)).at();

        assertThat(due).isEqualTo(Instant.parse("2025-03-30T06:30:00Z"));
        assertThat(Duration.between(end, due)).isEqualTo(Duration.ofHours(12));
    }

    @ParameterizedTest(name = "every five minutes of {0} in Paris")
    @ValueSource(strings = {"2025-03-30", "2025-10-26", "2025-06-12"})
    void onAnyDayIncludingTheDaylightSavingChangesThePromptComesFirstAndTheThankYouAtAHumanHourWithinADay(String day) {
        for (Instant end = ZonedDateTime.of(LocalDate.parse(day).atStartOfDay(), PARIS).toInstant();
                end.isBefore(ZonedDateTime.of(LocalDate.parse(day).plusDays(1).atStartOfDay(), PARIS).toInstant());
                end = end.plus(Duration.ofMinutes(5))) {
            Interview interview = endingAt(end);
            Instant prompt = planner.promptDue(interview).at();
            Instant thanks = planner.thankYouDue(interview).at();
            LocalTime wallClock = thanks.atZone(PARIS).toLocalTime();

            assertThat(prompt).as("prompt, end %s", end).isAfterOrEqualTo(end).isBeforeOrEqualTo(thanks);
            assertThat(thanks).as("thank-you, end %s", end).isBeforeOrEqualTo(end.plus(Duration.ofHours(24)));
            assertThat(wallClock).as("thank-you, end %s", end).isBetween(LocalTime.of(8, 30), LocalTime.of(21, 0));
        }
    }

    @Test
    void aLongerDelayThatWouldPassNinePmIsDueAtNinePm() {
        Planner later = new Planner(withThankYouAfter(Duration.ofHours(3), HumanHours.DEFAULTS));

        Planner.Due due = later.thankYouDue(endingAt(paris("2025-06-12T18:30")));

        assertThat(due).isEqualTo(new Planner.Due(paris("2025-06-12T21:00"), Shift.NOT_AFTER));
    }

    @Test
    void withHumanHoursOffTheThankYouIsDueAtItsPlainDelayAtAnyHour() {
        Planner plain = new Planner(withThankYouAfter(Duration.ofHours(2), HumanHours.DEFAULTS.off()));

        assertThat(plain.thankYouDue(endingAt(paris("2025-06-12T22:00"))).at()).isEqualTo(paris("2025-06-13T00:00"));
        assertThat(plain.promptDue(endingAt(paris("2025-06-12T22:00"))).at()).isEqualTo(paris("2025-06-12T22:00"));
    }

    @Test
    void theThankYouIsNeverDueMoreThanADayAfterTheEnd() {
        Planner tooLate = new Planner(withThankYouAfter(Duration.ofHours(30), HumanHours.DEFAULTS.off()));
        Instant end = paris("2025-06-12T11:00");

        assertThat(tooLate.thankYouDue(endingAt(end))).isEqualTo(new Planner.Due(end.plus(Duration.ofHours(24)), Shift.WITHIN_24_HOURS));
    }

    @Test
    void aThankYouMovedToTheNextMorningThatFiresAtTheOldEveningTimeWaitsForTheMorningThenRuns() {
        Interview late = endingAt(paris("2025-06-12T20:00"));

        Planner.FireDecision evening = planner.onFire(late, Action.THANK_YOU, paris("2025-06-12T22:00"));
        Planner.FireDecision morning = planner.onFire(late, Action.THANK_YOU, paris("2025-06-13T08:30"));
        Planner.FireDecision daysLater = planner.onFire(late, Action.THANK_YOU, paris("2025-06-16T09:00"));

        assertThat(evening.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(evening.notBefore()).isEqualTo(paris("2025-06-13T08:30"));
        assertThat(morning.verdict()).isEqualTo(Verdict.RUN);
        assertThat(daysLater.verdict()).isEqualTo(Verdict.RUN);
        assertThat(planner.onFire(late, Action.THANK_YOU, paris("2025-06-21T09:00")).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void aPromptMovedToTheMorningThatFiresInTheNightWaitsForTheMorning() {
        Interview night = endingAt(paris("2025-06-12T22:30"));

        Planner.FireDecision decision = planner.onFire(night, Action.DEBRIEF_PROMPT, paris("2025-06-12T22:30"));

        assertThat(decision.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(decision.notBefore()).isEqualTo(paris("2025-06-13T08:30"));
    }
}
