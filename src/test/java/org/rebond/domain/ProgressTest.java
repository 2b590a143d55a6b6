package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rebond.domain.DebriefNotes.NameGiven;

/** The user's progress (M2), computed from interviews, notes and the next keep-posted of each; now is Wednesday 11 June 2025 in Paris. */
class ProgressTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2025-06-11T10:00:00Z");

    private static Interview interview(long id, String start, String email, String name, Interview.State state) {
        Instant at = Instant.parse(start);
        return new Interview(id, "iv-" + id + "@example.org", "", 0, null, state, at, at.plus(Duration.ofMinutes(30)), "Europe/Paris", false,
                "Coffee", "", email, new Interview.Person(email, name), null, "title", "");
    }

    private static Interview held(long id, String start, String email, String name) {
        return interview(id, start, email, name, Interview.State.SCHEDULED);
    }

    private static DebriefNotes naming(NameGiven... names) {
        return new DebriefNotes(List.of("a point"), List.of(), List.of(names), "");
    }

    private static Progress of(List<Interview> interviews, Map<Long, DebriefNotes> notes) {
        return Progress.of(interviews, notes, Map.of(), Map.of(), NOW, PARIS);
    }

    @Test
    void withNoInterviewNothingIsHeldNorToComeAndNoWeekHasOne() {
        Progress p = of(List.of(), Map.of());

        assertThat(p.held()).isZero();
        assertThat(p.toCome()).isZero();
        assertThat(p.perWeek()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(p.firstWeek()).as("the Monday seven weeks before this one").isEqualTo(LocalDate.of(2025, 4, 21));
        assertThat(p.withNotes()).isZero();
        assertThat(p.namesAverage()).isZero();
        assertThat(p.latest()).isEmpty();
        assertThat(p.namesObtained()).isZero();
        assertThat(p.byCircle()).isEmpty();
        assertThat(p.dueNews()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> held {1}, to come {2}, per week {3}")
    @CsvSource(delimiter = '|', value = {
            // this week, Monday 9 June in Paris: one held on Tuesday, one later today is still to come
            "2025-06-10T08:00:00Z 2025-06-11T15:00:00Z|1|1|0 0 0 0 0 0 0 1",
            // 00:30 on Monday 2 June in Paris is Sunday evening in UTC: it counts in the week of 2 June
            "2025-06-01T22:30:00Z|1|0|0 0 0 0 0 0 1 0",
            // two in the oldest week shown (21 April), one before it: held, but out of the weeks
            "2025-04-21T08:00:00Z 2025-04-27T08:00:00Z 2025-04-18T08:00:00Z|3|0|2 0 0 0 0 0 0 0",
            // one held this morning, its end has passed
            "2025-06-11T09:00:00Z|1|0|0 0 0 0 0 0 0 1",
            // one under way: not held until its end has passed
            "2025-06-11T09:45:00Z|0|1|0 0 0 0 0 0 0 0"})
    void interviewsHeldAreCountedInTheWeekTheyWereHeldInTheUsersZone(String starts, int held, int toCome, String perWeek) {
        List<Interview> interviews = new ArrayList<>();
        for (String start : starts.split(" ")) {
            interviews.add(held(interviews.size() + 1, start, "c" + interviews.size() + "@example.org", ""));
        }

        Progress p = of(interviews, Map.of());

        assertThat(p.held()).isEqualTo(held);
        assertThat(p.toCome()).isEqualTo(toCome);
        assertThat(p.perWeek()).containsExactlyElementsOf(Arrays.stream(perWeek.split(" ")).map(Integer::valueOf).toList());
    }

    @Test
    void cancelledAndIgnoredInterviewsDoNotCount() {
        Progress p = of(List.of(interview(1, "2025-06-10T08:00:00Z", "a@example.org", "", Interview.State.CANCELLED),
                interview(2, "2025-06-10T09:00:00Z", "b@example.org", "", Interview.State.IGNORED),
                interview(3, "2025-06-20T09:00:00Z", "c@example.org", "", Interview.State.CANCELLED)), Map.of());

        assertThat(p.held()).isZero();
        assertThat(p.toCome()).isZero();
        assertThat(p.perWeek()).containsOnly(0);
    }

    @ParameterizedTest(name = "[{index}] names {0} -> average {1}, latest {2}")
    @CsvSource(delimiter = '|', value = {
            "3|3.0|3",
            "3 0|1.5|0 3",
            "3 0 2 1|1.5|1 2 0",
            "0 0|0.0|0 0"})
    void namesObtainedAreAveragedOverTheInterviewsWithNotesAndTheLatestComeNewestFirst(String counts, double average, String latest) {
        List<Interview> interviews = new ArrayList<>();
        Map<Long, DebriefNotes> notes = new HashMap<>();
        for (String count : counts.split(" ")) {
            long id = interviews.size() + 1;
            interviews.add(held(id, "2025-05-0" + id + "T08:00:00Z", "c" + id + "@example.org", ""));
            List<NameGiven> names = new ArrayList<>();
            for (int n = 0; n < Integer.parseInt(count); n++) {
                names.add(new NameGiven("Person " + id + "-" + n, "p" + id + "-" + n + "@example.org", true, true));
            }
            notes.put(id, naming(names.toArray(NameGiven[]::new)));
        }
        interviews.add(held(9, "2025-05-20T08:00:00Z", "no-notes@example.org", ""));

        Progress p = of(interviews, notes);

        assertThat(p.withNotes()).as("the interview without notes does not count").isEqualTo(counts.split(" ").length);
        assertThat(p.namesAverage()).isEqualTo(average);
        assertThat(p.latest()).extracting(Progress.NamesFrom::names)
                .containsExactlyElementsOf(Arrays.stream(latest.split(" ")).map(Integer::valueOf).toList());
    }

    @Test
    void aNameTheContactAskedNotToKeepIsNeitherCountedNorFollowed() {
        Progress p = of(List.of(held(1, "2025-05-02T08:00:00Z", "claire@acme.example", "Claire Dubois")), Map.of(1L, naming(
                new NameGiven("Lou Kim", "lou@medi.example", true, true),
                new NameGiven("Max Secret", "max@secret.example", false, false, false, false))));

        assertThat(p.namesAverage()).isEqualTo(1.0);
        assertThat(p.namesObtained()).isEqualTo(1);
    }

    @Test
    void aNameLedToAnInterviewWhenALaterInterviewIsWithThatPersonByAddressOrElseByFullName() {
        List<Interview> interviews = List.of(
                held(1, "2025-05-02T08:00:00Z", "claire@acme.example", "Claire Dubois"),
                held(2, "2025-05-01T08:00:00Z", "early@bird.example", "Early Bird"),
                held(3, "2025-05-20T08:00:00Z", "LOU@medi.example", "Lou"),
                held(4, "2025-06-16T08:00:00Z", "anne.roy@other.example", "Anne Roy"),
                held(5, "2025-05-25T08:00:00Z", "paul@health.example", "Paul Durand"));
        Map<Long, DebriefNotes> notes = Map.of(
                1L, naming(new NameGiven("Lou Kim", "lou@medi.example", true, true), new NameGiven("Anne Roy", "", true, false),
                        new NameGiven("Early Bird", "early@bird.example", true, true), new NameGiven("Zoé Nomad", "", true, true)),
                5L, naming(new NameGiven("lou kim", "lou@medi.example", true, true)));

        Progress p = of(interviews, notes);

        assertThat(p.namesObtained()).as("Lou Kim named twice is one person").isEqualTo(4);
        assertThat(p.namesMet()).as("Lou by address, Anne by name (scheduled), not Early Bird, met before being named").isEqualTo(2);
    }

    @Test
    void theContactsDueNewsAreListedSoonestFirstOncePerContactAndOnlyForInterviewsHeld() {
        List<Interview> interviews = List.of(
                held(1, "2025-05-02T08:00:00Z", "claire@acme.example", "Claire Dubois"),
                held(2, "2025-05-20T08:00:00Z", "paul@health.example", "Paul Durand"),
                held(3, "2025-06-01T08:00:00Z", "Claire@acme.example", "Claire Dubois"),
                held(4, "2025-06-20T08:00:00Z", "lou@medi.example", "Lou Kim"));
        Map<Long, PlannedAction> next = Map.of(
                1L, new PlannedAction(Action.keepPosted(2), Instant.parse("2025-07-31T08:30:00Z")),
                2L, new PlannedAction(Action.keepPosted(1), Instant.parse("2025-06-10T08:30:00Z")),
                3L, new PlannedAction(Action.keepPosted(1), Instant.parse("2025-06-22T08:30:00Z")),
                4L, new PlannedAction(Action.keepPosted(1), Instant.parse("2025-07-11T08:30:00Z")));

        Progress p = Progress.of(interviews, Map.of(), next, Map.of(), NOW, PARIS);

        assertThat(p.dueNews()).extracting(n -> n.contact().name() + " #" + n.action().number() + " of " + n.interviewId())
                .containsExactly("Paul Durand #1 of 2", "Claire Dubois #1 of 3");
    }

    @Test
    void interviewsHeldAreCountedByTheCircleOfTheirContactWhenCirclesAreKnown() {
        List<Interview> interviews = List.of(
                held(1, "2025-05-02T08:00:00Z", "Claire@acme.example", "Claire Dubois"),
                held(2, "2025-05-20T08:00:00Z", "paul@health.example", "Paul Durand"),
                held(3, "2025-06-01T08:00:00Z", "lou@medi.example", "Lou Kim"),
                held(4, "2025-06-20T08:00:00Z", "anne@club.example", "Anne Roy"));

        Progress p = Progress.of(interviews, Map.of(), Map.of(),
                Map.of("claire@acme.example", "alumni", "lou@medi.example", "alumni", "anne@club.example", "sports club"), NOW, PARIS);

        assertThat(p.byCircle()).as("Paul has no circle; Anne's interview is still to come").containsOnly(Map.entry("alumni", 2));
    }
}
