package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
