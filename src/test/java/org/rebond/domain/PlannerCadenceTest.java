package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.domain.Planner.FireDecision.Verdict;

/** The keep-posted cadence (METHOD M7): when each update is due, and when one waits, from what happened with the contact. */
class PlannerCadenceTest {

    private static final Instant START = Instant.parse("2025-06-12T13:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Interview CLAIRE = PlannerTest.interview(START, END, Interview.State.SCHEDULED);

    private final Planner planner = new Planner(Policy.defaults());

    private static Instant day(Integer days) {
        return END.plus(Duration.ofDays(days));
    }

    private static ContactActivity activity(Integer exchange, Integer lastNews, int settled, Integer met) {
        return new ContactActivity(Optional.ofNullable(exchange).map(PlannerCadenceTest::day), Optional.empty(),
                met == null ? List.of() : List.of(new ContactActivity.Met(9, "Julie Bernard", day(met))),
                Optional.ofNullable(lastNews).map(PlannerCadenceTest::day), settled, 0);
    }

    @ParameterizedTest(name = "exchange day {0}, last update day {1}, {2} settled, met day {3}: update #{4} due day {5}")
    @CsvSource(nullValues = "-", value = {
            // exchange, last update, settled, met thanks to Claire, update, due (days after the interview)
            "-,  -,  0, -,  1, 21",   // nothing happened: three weeks
            "-,  -,  0, -,  2, 90",   // then three months
            "10, -,  0, -,  1, 31",   // a message on day 10 resets the clock
            "10, -,  0, -,  2, 100",
            "-,  21, 1, -,  2, 111",  // the second counts from the first update
            "30, 21, 1, -,  2, 120",  // and from a later exchange
            "-,  -,  0, 5,  1, 12",   // a meeting thanks to Claire on day 5: the news comes a week later
            "-,  -,  0, 5,  2, 90",   // only the next update is brought forward
            "-,  21, 1, 30, 2, 37",   // a meeting after the first update brings the second forward
            "-,  21, 1, 15, 2, 111",  // a meeting the first update could tell brings nothing forward
            "-,  -,  0, 18, 1, 21",   // never later than it would have come anyway
            "-,  -,  0, -3, 1, 21",   // a meeting before the interview is no news
    })
    void eachUpdateCountsFromTheLatestExchangeAndAMeetingThanksToTheContactBringsTheNextForward(
            Integer exchange, Integer lastNews, int settled, Integer met, int number, int dueDay) {
        ContactActivity activity = activity(exchange, lastNews, settled, met);

        assertThat(planner.newsDue(CLAIRE, number, activity).at()).isEqualTo(day(dueDay));
        assertThat(planner.plan(CLAIRE, START.minus(Duration.ofDays(2)), activity))
                .contains(new PlannedAction(Action.keepPosted(number), day(dueDay)));
    }

    @Test
    void anUpdateBroughtForwardNamesThePersonMet() {
        Planner.NewsDue due = planner.newsDue(CLAIRE, 1, activity(null, null, 0, 5));

        assertThat(due.broughtForwardBy()).contains(new ContactActivity.Met(9, "Julie Bernard", day(5)));
    }

    @Test
    void theWeekAfterAReferralMetIsConfigurable() {
        Planner sooner = new Planner(Policy.defaults().withCadence(Duration.ofDays(2), 2));

        assertThat(sooner.newsDue(CLAIRE, 1, activity(null, null, 0, 5)).at()).isEqualTo(day(7));
    }

    @Test
    void anUpdateFiringAtItsOldTimeAfterAnExchangeWaitsForItsNewTime() {
        Planner.FireDecision decision = planner.onFire(CLAIRE, Action.keepPosted(1), day(21), activity(10, null, 0, null));

        assertThat(decision.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(decision.notBefore()).isEqualTo(day(31));
    }

    @Test
    void whenTheContactWroteLastTheUpdateWaitsWithAReasonAndIsLookedAtAgainTheNextDay() {
        ContactActivity wrote = new ContactActivity(Optional.of(day(2)), Optional.of(new ContactActivity.Message(day(2), "Re: merci")),
                List.of(), Optional.empty(), 0, 0);

        Planner.FireDecision decision = planner.onFire(CLAIRE, Action.keepPosted(1), day(23), wrote);

        assertThat(decision.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(decision.notBefore()).isEqualTo(day(24));
        assertThat(decision.reason()).isEqualTo("Claire wrote to you on 14 Jun (subject \"Re: merci\"): reply to Claire rather than sending news");
    }

    @Test
    void anUpdateHeldBackLongPastItsTimeStillWaitsRatherThanBeingLost() {
        ContactActivity wrote = new ContactActivity(Optional.of(day(2)), Optional.of(new ContactActivity.Message(day(2), "Re: merci")),
                List.of(), Optional.empty(), 0, 0);

        assertThat(planner.onFire(CLAIRE, Action.keepPosted(1), day(200), wrote).verdict()).isEqualTo(Verdict.WAIT);
    }

    @ParameterizedTest(name = "{0} unanswered, pause after {1}: {2}")
    @CsvSource({"0, 2, RUN", "1, 2, RUN", "2, 2, WAIT", "3, 2, WAIT", "5, 0, RUN", "1, 1, WAIT"})
    void afterTheConfiguredNumberOfUnansweredUpdatesTheNextOneIsPaused(int unanswered, int pauseAfter, Verdict verdict) {
        Planner paused = new Planner(Policy.defaults().withCadence(Duration.ofDays(7), pauseAfter));
        ContactActivity activity = new ContactActivity(Optional.empty(), Optional.empty(), List.of(), Optional.of(day(21)), 1, unanswered);

        Planner.FireDecision decision = paused.onFire(CLAIRE, Action.keepPosted(2), day(111), activity);

        assertThat(decision.verdict()).isEqualTo(verdict);
        if (verdict == Verdict.WAIT) {
            assertThat(decision.reason()).isEqualTo("paused: Claire has not answered your last " + unanswered + " updates");
        }
    }
}
