package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.EventTime;
import org.rebond.domain.Invitation;

class CalendarParserTest {

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    @Test
    void aGoogleInvitationGivesUtcTimesAddressesAndUnescapedText() throws CalendarRejected {
        ParsedCalendar calendar = Fixtures.parse("google-request.ics");

        assertThat(calendar.method()).isEqualTo("REQUEST");
        assertThat(new Invitation("", calendar.method(), calendar.events()).schedulingProblem()).isEmpty();
        CalendarEvent event = calendar.events().get(0);
        assertThat(event.start().display()).isEqualTo("2024-03-05T09:00:00Z");
        assertThat(event.end().display()).isEqualTo("2024-03-05T09:30:00Z");
        assertThat(event.dtstamp()).isEqualTo(Instant.parse("2024-02-20T10:15:00Z"));
        assertThat(event.organizer()).isEqualTo("claire.dubois@example.org");
        assertThat(event.organizerName()).isEqualTo("Claire Dubois");
        assertThat(event.attendees()).extracting(CalendarEvent.Attendee::email)
                .containsExactly("claire.dubois@example.org", "sam.martin@example.net");
        assertThat(event.attendees().get(1).name()).isEqualTo("Sam Martin");
        assertThat(event.summary()).isEqualTo("Information interview – Claire / Sam");
        assertThat(event.location()).isEqualTo("Café Lumière, 12 rue des Lilas, Paris");
        assertThat(event.description()).isEqualTo("Hello Sam, happy to tell you about my job.\nIntroduced by Jane Doe <jane.doe@example.com>");
        assertThat(event.status()).isEqualTo("CONFIRMED");
        assertThat(event.warnings()).isEmpty();
    }

    @Test
    void anOutlookInvitationWithAWindowsZoneNameUsesItsRulesAndNamesTheIanaZone() throws CalendarRejected {
        CalendarEvent event = Fixtures.parse("outlook-windows-zone.ics").events().get(0);

        assertThat(event.start().kind()).isEqualTo(EventTime.Kind.ZONED);
        assertThat(event.start().display()).isEqualTo("2024-03-05T09:00:00Z");
        assertThat(event.start().tzid()).isEqualTo("Romance Standard Time");
        assertThat(event.start().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(event.end().display()).isEqualTo("2024-03-05T09:30:00Z");
        assertThat(event.organizer()).isEqualTo("paul.durand@entreprise.example");
        assertThat(event.organizerName()).isEqualTo("Durand, Paul");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.attendees().get(1).role()).isEqualTo("NON-PARTICIPANT");
    }

    @Test
    void windowsZoneNamesResolveToTheIanaZoneEvenWithoutAVtimezoneOnADstChangeDay() throws CalendarRejected {
        CalendarEvent event = Fixtures.parse("outlook-windows-zone-no-vtimezone.ics").events().get(0);

        // 2024-03-31 is the spring-forward day in Paris and Berlin: 10:00 is already CEST (+02:00).
        assertThat(event.start().display()).isEqualTo("2024-03-31T08:00:00Z");
        assertThat(event.start().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(event.end().display()).isEqualTo("2024-03-31T09:00:00Z");
        assertThat(event.end().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(event.warnings()).isEmpty();
    }

    @Test
    void windowsAndDisplayZoneNamesMapToCldrZones() {
        assertThat(ZoneNames.iana("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(ZoneNames.iana("Romance Standard Time")).contains(ZoneId.of("Europe/Paris"));
        assertThat(ZoneNames.iana("Pacific Standard Time")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(ZoneNames.iana("Eastern Standard Time")).contains(ZoneId.of("America/New_York"));
        assertThat(ZoneNames.iana("GMT Standard Time")).contains(ZoneId.of("Europe/London"));
        assertThat(ZoneNames.iana("W. Europe")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(ZoneNames.iana("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris")).contains(ZoneId.of("Europe/Paris"));
        assertThat(ZoneNames.iana("Europe/Vienna")).contains(ZoneId.of("Europe/Vienna"));
        assertThat(ZoneNames.iana("Customized Time Zone")).isEmpty();
        assertThat(ZoneNames.iana("Foo/Bar")).isEmpty();
    }

    @Test
    void anAppleInvitationUsesTheEmailParameterWhenTheAddressIsAPrincipalPath() throws CalendarRejected {
        CalendarEvent event = Fixtures.parse("apple-request.ics").events().get(0);

        assertThat(event.organizer()).isEqualTo("sam.martin@example.net");
        assertThat(event.attendees()).extracting(CalendarEvent.Attendee::email)
                .containsExactly("paul.bernard@example.fr", "sam.martin@example.net");
        assertThat(event.start().display()).isEqualTo("2024-07-02T12:30:00Z");
        assertThat(event.end().display()).isEqualTo("2024-07-02T13:00:00Z");
        assertThat(event.summary()).isEqualTo("Café avec Paul – enquête métier");
    }

    @Test
    void floatingAllDayAndDurationEventsKeepTheirKind() throws CalendarRejected {
        var events = Fixtures.parse("floating-and-all-day.ics").events();

        CalendarEvent floating = events.get(0);
        assertThat(floating.start().kind()).isEqualTo(EventTime.Kind.FLOATING);
        assertThat(floating.start().display()).isEqualTo("2024-04-12T10:00:00");
        assertThat(floating.startInstant(ZoneId.of("America/Montreal"))).isEqualTo(Instant.parse("2024-04-12T14:00:00Z"));

        CalendarEvent allDay = events.get(1);
        assertThat(allDay.allDay()).isTrue();
        assertThat(allDay.start().display()).isEqualTo("2024-04-15");
        assertThat(allDay.end().local().toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 16));

        CalendarEvent withDuration = events.get(2);
        assertThat(withDuration.start().display()).isEqualTo("2024-04-16T15:30:00Z");
        assertThat(withDuration.end().display()).isEqualTo("2024-04-16T16:15:00Z");
    }

    @Test
    void aNonexistentLocalTimeTakesTheOffsetBeforeTheGapAndAnAmbiguousOneItsFirstOccurrence() throws CalendarRejected {
        var events = Fixtures.parse("dst-gap-and-overlap.ics").events();

        // 02:30 does not exist on 2024-03-31 in Paris: read with +01:00 → 01:30Z.
        assertThat(events.get(0).start().display()).isEqualTo("2024-03-31T01:30:00Z");
        assertThat(events.get(0).start().zone()).isNull();
        assertThat(events.get(0).end().display()).isEqualTo("2024-03-31T01:30:00Z");
        // 02:30 happens twice on 2024-10-27: the first (+02:00) → 00:30Z.
        assertThat(events.get(1).start().display()).isEqualTo("2024-10-27T00:30:00Z");
        assertThat(events.get(1).end().display()).isEqualTo("2024-10-27T02:30:00Z");
        // The same rules through the IANA zone.
        assertThat(events.get(2).start().display()).isEqualTo("2024-03-31T01:30:00Z");
        assertThat(events.get(3).start().display()).isEqualTo("2024-10-27T00:30:00Z");
    }

    @Test
    void aCancellationIsReadWithItsSequenceAndStatus() throws CalendarRejected {
        ParsedCalendar calendar = Fixtures.parse("cancel.ics");

        assertThat(calendar.method()).isEqualTo("CANCEL");
        CalendarEvent event = calendar.events().get(0);
        assertThat(event.cancelled()).isTrue();
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.status()).isEqualTo("CANCELLED");
        assertThat(new Invitation("", calendar.method(), calendar.events()).schedulingProblem()).isEmpty();
    }

    @Test
    void anOverriddenOccurrenceCarriesItsRecurrenceIdAndTheMasterItsRawRule() throws CalendarRejected {
        var events = Fixtures.parse("recurrence-id.ics").events();

        assertThat(events.get(0).recurrenceId()).isNull();
        assertThat(events.get(0).rrule()).isEqualTo("FREQ=WEEKLY;COUNT=6;BYDAY=MO");
        assertThat(events.get(1).recurrenceId().display()).isEqualTo("2024-01-15T11:30:00Z");
        assertThat(events.get(1).start().display()).isEqualTo("2024-01-16T11:45:00Z");
        assertThat(events.get(1).sequence()).isEqualTo(1);
    }

    @Test
    void aTrailingZNextToATzidMeansUtc() throws CalendarRejected {
        CalendarEvent event = Fixtures.parseText("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:z-and-tzid
                DTSTART;TZID=Europe/Berlin:20150602T120000Z
                END:VEVENT
                END:VCALENDAR
                """).events().get(0);

        assertThat(event.start().display()).isEqualTo("2015-06-02T12:00:00Z");
    }

    @Test
    void aQuotedTzidThatSwallowedTheValueIsRecovered() throws CalendarRejected {
        CalendarEvent event = Fixtures.parseText("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                + "DTSTART;TZID=\"W. Europe Standard Time:20200609T090000\"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").events().get(0);

        assertThat(event.start().display()).isEqualTo("2020-06-09T07:00:00Z");
        assertThat(event.start().tzid()).isEqualTo("W. Europe Standard Time");
    }

    @Test
    void textIsNormalisedAndStrippedOfControlBidiAndZeroWidthCharacters() throws CalendarRejected {
        CalendarEvent event = Fixtures.parseText("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:text\n"
                + "SUMMARY:Cafe\u0301 \u202Egnp.exe\u202C with\u200B Ann\u0007e\n"
                + "DESCRIPTION:line one\\nline\u0000 two\u2066\n"
                + "END:VEVENT\nEND:VCALENDAR\n").events().get(0);

        assertThat(event.summary()).isEqualTo("Café gnp.exe with Anne");
        assertThat(event.description()).isEqualTo("line one\nline two");
    }
}
