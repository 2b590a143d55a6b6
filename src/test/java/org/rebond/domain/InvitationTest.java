package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.domain.TestEvents.invitation;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationTest {

    @Test
    void theCalendarsMethodWinsOverTheMailsAndEveryEventCarriesIt() {
        Invitation read = new Invitation("request", "publish", List.of(invitation().method("PUBLISH").build(), invitation().method("").build()));

        assertThat(read.method()).isEqualTo("PUBLISH");
        assertThat(read.events()).extracting(CalendarEvent::method).containsExactly("PUBLISH", "PUBLISH");
        assertThat(read.methodMismatch()).contains("mail says REQUEST, calendar says PUBLISH");
    }

    @Test
    void theMailsMethodIsUsedOnlyWhenTheCalendarNamesNoneAndThatIsNoDisagreement() {
        Invitation read = new Invitation("CANCEL", "", List.of(invitation().method("").build()));

        assertThat(read.method()).isEqualTo("CANCEL");
        assertThat(read.events()).singleElement().satisfies(event -> assertThat(event.cancelled()).isTrue());
        assertThat(read.methodMismatch()).isEmpty();
        assertThat(new Invitation("", "REQUEST", List.of()).methodMismatch()).isEmpty();
        assertThat(new Invitation("REQUEST", "REQUEST", List.of()).methodMismatch()).isEmpty();
    }

    @Test
    void aRequestNeedsAnOrganizerAndAStartWhileACancelNeedsNoStart() {
        assertThat(new Invitation("", "REQUEST", List.of(invitation().organizer("", "").build())).schedulingProblem())
                .contains("REQUEST without ORGANIZER");
        assertThat(new Invitation("", "REQUEST", List.of(invitation().start(null).build())).schedulingProblem())
                .contains("REQUEST without a usable DTSTART");
        assertThat(new Invitation("", "CANCEL", List.of(invitation().start(null).build())).schedulingProblem()).isEmpty();
        assertThat(new Invitation("", "REQUEST", List.of()).schedulingProblem()).contains("REQUEST without any event");
    }

    @Test
    void aPublishOrAReplyIsNeverRefusedForWhatItLacks() {
        CalendarEvent bare = invitation().uid("").organizer("", "").start(null).build();

        assertThat(new Invitation("REQUEST", "PUBLISH", List.of(bare)).schedulingProblem()).isEmpty();
        assertThat(new Invitation("", "REPLY", List.of(bare, invitation().uid("other").build())).schedulingProblem()).isEmpty();
    }
}
