package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.CONTACT;
import static org.rebond.domain.TestEvents.USER;
import static org.rebond.domain.TestEvents.invitation;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebond.application.InterviewService.Outcome;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.store.SqlMessageHistory;

/** Debrief notes recorded and merged, the names they give kept as suggested contacts, and the referrer of an interview. */
class InterviewServiceNotesAndReferrersTest extends InterviewServiceFixture {

    @Test
    void theReferrerIsFoundFromAnIntroductionMessage() {
        history.record(new SqlMessageHistory.SeenMessage("INBOX", 1, 10, "<intro@friends.example>", "", List.of(),
                NOW.minus(Duration.ofDays(7)), "paul@friends.example", "Paul Martin", List.of(USER, CONTACT),
                "Intro: Sam <> Claire", "Sam, meet Claire", ""));

        Interview interview = created();

        assertThat(interview.referrer()).isEqualTo(new Interview.Person("paul@friends.example", "Paul Martin"));
        assertThat(store.byId(interview.id()).orElseThrow().referrer()).isEqualTo(interview.referrer());
    }

    @Test
    void namesGivenInADebriefBecomeSuggestedContactsAndTheirInterviewsKnowWhoReferredThem() {
        Interview first = created();
        service.recordNotes(first, new DebriefNotes(List.of("FHIR is the hard part"), List.of(),
                List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, true)), ""), "<notes@x.example>");

        assertThat(store.suggestedBy("Lou.Kim@hospital.example")).contains(new Interview.Person(CONTACT, "Claire Dubois"));
        Outcome second = service.onCalendarEvent(invitation().uid("iv-2@hospital.example").organizer("lou.kim@hospital.example", "Lou Kim")
                .summary("Information interview with Lou").start(START.plus(Duration.ofDays(10))).build(), "lou.kim@hospital.example", "");
        assertThat(second.interview().referrer()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(store.metThanksTo(CONTACT)).extracting(Interview::uid).containsExactly("iv-2@hospital.example");
    }

    @Test
    void aSecondGoOfNotesAddsToTheFirstAndTheSameReplySeenTwiceCountsOnce() {
        Interview interview = created();
        DebriefNotes reply = new DebriefNotes(List.of("FHIR is the hard part"), List.of("The FHIR meetup"),
                List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, false)), "https://example.org/a");
        service.recordNotes(interview, reply, "<notes@x.example>");

        Outcome again = service.recordNotes(interview, reply, "<notes@x.example>");
        Outcome added = service.recordNotes(interview, new DebriefNotes(List.of("fhir is the HARD part!", "Clinicians review releases"), List.of(),
                List.of(new DebriefNotes.NameGiven("lou kim", "", true, true, true, true)), "", List.of("Write to Lou on Monday")),
                "rebond notes 4");

        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(added.kind()).isEqualTo(Outcome.Kind.UPDATED);
        assertThat(store.notes(interview.id())).contains(new DebriefNotes(List.of("FHIR is the hard part", "Clinicians review releases"),
                List.of("The FHIR meetup"), List.of(new DebriefNotes.NameGiven("Lou Kim", "lou.kim@hospital.example", true, true, true, true)),
                "https://example.org/a", List.of("Write to Lou on Monday")));
        assertThat(store.notesSources(interview.id())).extracting(InterviewStore.NotesSource::sourceId)
                .containsExactly("<notes@x.example>", "rebond notes 4");
        assertThat(store.suggestedBy("lou.kim@hospital.example")).contains(new Interview.Person(CONTACT, "Claire Dubois"));
    }

    @Test
    void aNameGivenWithoutAnAddressIsRecognisedByItsFullNameAndANameNotToBeKeptIsNot() {
        Interview first = created();
        service.recordNotes(first, new DebriefNotes(List.of(), List.of(), List.of(
                new DebriefNotes.NameGiven("Anne Roy", "", true, true, false, true),
                new DebriefNotes.NameGiven("Max Secret", "max@secret.example", false, false, false, false)), ""), "<notes@x.example>");

        Outcome anne = service.onCalendarEvent(invitation().uid("iv-anne@lab.example").organizer("a.roy@lab.example", "Anne Roy")
                .summary("Catch-up").start(START.plus(Duration.ofDays(10))).build(), "a.roy@lab.example", "");
        Outcome max = service.onCalendarEvent(invitation().uid("iv-max@secret.example").organizer("max@secret.example", "Max Secret")
                .summary("Catch-up").start(START.plus(Duration.ofDays(11))).build(), "max@secret.example", "");

        assertThat(anne.interview()).isNotNull();
        assertThat(anne.interview().reason()).isEqualTo("contact suggested in an earlier debrief");
        assertThat(anne.interview().referrer()).isEqualTo(new Interview.Person(CONTACT, "Claire Dubois"));
        assertThat(store.suggestionFor("Anne Roy")).hasValueSatisfying(s -> assertThat(s.introduces()).isTrue());
        assertThat(store.isSuggestedContact("Anne")).as("one word is too little to tell a person").isFalse();
        assertThat(max.interview()).as("the contact asked the user not to keep this name").isNull();
    }
}
