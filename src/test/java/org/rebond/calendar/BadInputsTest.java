package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.application.InvitationTriage;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.EventTime;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Verdict;

/**
 * BAD-INPUTS B1–B7, B11, B12, B15, B16, B22, B32: each refused with a reason or tolerated, and the next good invitation still
 * works. What cannot be acted upon is checked through {@link InvitationTriage}, the reading the daemon and inspect share.
 */
class BadInputsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final CalendarParser parser = new CalendarParser(CalendarLimits.defaults());
    /** The daemon's and inspect's reading of a calendar part. */
    private final InvitationTriage triage = new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()),
            new InterviewDetector(DetectionRules.defaults(), Set.of("sam.martin@example.net"), address -> false));

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    @AfterEach
    void aGoodInvitationStillParsesAfterwards() throws CalendarRejected {
        CalendarEvent event = parser.parse(Fixtures.bytes("outlook-windows-zone.ics")).events().get(0);
        assertThat(event.start().display()).isEqualTo("2024-03-05T09:00:00Z");
    }

    private static String event(String lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:bad@example.org\r\n"
                + "ORGANIZER:mailto:o@example.org\r\nDTSTAMP:20240101T000000Z\r\n" + lines + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private CalendarEvent parseEvent(String lines) throws CalendarRejected {
        return parser.parse(event(lines).getBytes()).events().get(0);
    }

    @Test
    void b1ASecondlyRuleWithoutEndIsCutAtTheInstanceCapWithoutRunningOutOfMemory() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240101T000000Z\r\nRRULE:FREQ=SECONDLY\r\n");

        var occurrences = RecurrenceWindow.occurrences(event, PARIS, Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2025-06-01T00:00:00Z"), 1000, Duration.ofSeconds(2));

        assertThat(occurrences.instants()).hasSize(1000).first().isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(occurrences.truncated()).isTrue();
        assertThat(occurrences.note()).isEqualTo("recurrence too dense");
    }

    @Test
    void b2ARuleThatCanNeverMatchGivesNoOccurrencesAndStops() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240101T090000Z\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n");

        var occurrences = RecurrenceWindow.occurrences(event, PARIS, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-02-01T00:00:00Z"), 1000, Duration.ofSeconds(2));

        assertThat(occurrences.instants()).isEmpty();
        assertThat(occurrences.note()).isEqualTo("no occurrences");
    }

    @Test
    void anOrdinaryWeeklyRuleExpandsInsideTheWindow() throws CalendarRejected {
        CalendarEvent master = parser.parse(Fixtures.bytes("recurrence-id.ics")).events().get(0);

        var occurrences = RecurrenceWindow.occurrences(master, PARIS, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-12-31T00:00:00Z"), 1000, Duration.ofSeconds(2));

        assertThat(occurrences.instants()).hasSize(6).startsWith(Instant.parse("2024-01-08T11:30:00Z"), Instant.parse("2024-01-15T11:30:00Z"));
        assertThat(occurrences.note()).isEmpty();
    }

    @Test
    void b3TenThousandEventsInOneInvitationAreRefused() {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n");
        for (int i = 0; i < 10_000; i++) {
            ics.append("BEGIN:VEVENT\r\nUID:u").append(i).append("\r\nDTSTART:20240101T000000Z\r\nEND:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");

        assertThatThrownBy(() -> parser.parse(ics.toString().getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessage("more than 50 events (10000)");
    }

    @Test
    void b3ARequestCarryingSeveralUidsIsSetAsideWithEachOfItsEvents() {
        InvitationTriage.PartVerdict part = triage.triage(("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n"
                + "BEGIN:VEVENT\r\nUID:a\r\nORGANIZER:mailto:o@x.org\r\nDTSTART:20240101T000000Z\r\nSUMMARY:Information interview\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:b\r\nORGANIZER:mailto:o@x.org\r\nDTSTART:20240101T000000Z\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n").getBytes(), "REQUEST");

        assertThat(part.setAside()).contains("REQUEST carries 2 different UIDs");
        assertThat(part.events()).hasSize(2).allSatisfy(judged -> {
            assertThat(judged.setAside()).contains("REQUEST carries 2 different UIDs");
            assertThat(judged.verdict()).isEqualTo(Verdict.no("set aside: REQUEST carries 2 different UIDs"));
        });
    }

    @Test
    void b4TenThousandNestedComponentsAreRefusedWithoutAStackOverflow() {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\n");
        ics.append("BEGIN:VEVENT\r\n".repeat(10_000)).append("END:VEVENT\r\n".repeat(10_000)).append("END:VCALENDAR\r\n");

        assertThatThrownBy(() -> parser.parse(ics.toString().getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessage("components nested deeper than 6 levels");
    }

    @Test
    void b5ATruncatedCalendarIsRefused() {
        String truncated = event("DTSTART:20240101T000000Z\r\n").replace("END:VEVENT\r\nEND:VCALENDAR\r\n", "SUMMARY:cut h");

        assertThatThrownBy(() -> parser.parse(truncated.getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessageStartingWith("calendar is truncated");
    }

    @Test
    void b6SixteenHundredTimezonesAreRefusedBeforeParsing() {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\n");
        for (int i = 0; i < 1600; i++) {
            ics.append("BEGIN:VTIMEZONE\r\nTZID:Zone").append(i)
                    .append("\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        }
        ics.append("END:VCALENDAR\r\n");

        assertThatThrownBy(() -> parser.parse(ics.toString().getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessage("more than 20 VTIMEZONE components (1600)");
    }

    @Test
    void b7AnUnknownTzidWithoutDefinitionIsReadAsFloatingWithAWarning() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART;TZID=Foo/Bar:20240305T100000\r\n");

        assertThat(event.start().kind()).isEqualTo(EventTime.Kind.FLOATING);
        assertThat(event.start().tzid()).isEqualTo("Foo/Bar");
        assertThat(event.startInstant(PARIS)).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(event.warnings()).anyMatch(w -> w.contains("time zone unknown"));
    }

    @Test
    void b11ARequestWithoutStartIsSetAside() {
        InvitationTriage.PartVerdict part = triage.triage(event("SUMMARY:Information interview, no start\r\n").getBytes(), "REQUEST");

        assertThat(part.setAside()).contains("REQUEST without a usable DTSTART");
        assertThat(part.events()).singleElement().satisfies(judged -> {
            assertThat(judged.event().start()).isNull();
            assertThat(judged.verdict().detected()).isFalse();
        });
    }

    @Test
    void b11ARequestWithoutOrganizerIsSetAsideButAPublishWithoutOneIsJudged() {
        String noOrganizer = event("DTSTART:20240305T100000Z\r\nSUMMARY:Information interview\r\n").replace("ORGANIZER:mailto:o@example.org\r\n", "");

        assertThat(triage.triage(noOrganizer.getBytes(), "").setAside()).contains("REQUEST without ORGANIZER");
        InvitationTriage.PartVerdict published = triage.triage(noOrganizer.replace("METHOD:REQUEST", "METHOD:PUBLISH").getBytes(), "");
        assertThat(published.setAside()).isEmpty();
        assertThat(published.events()).singleElement().satisfies(judged -> assertThat(judged.verdict().detected()).isTrue());
    }

    @Test
    void b12AnEndBeforeTheStartIsDroppedWithAWarning() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240305T100000Z\r\nDTEND:20240305T090000Z\r\n");

        assertThat(event.end()).isNull();
        assertThat(event.warnings()).contains("end before start: end ignored");
    }

    @Test
    void b12AStartInYear9999IsIgnoredWithAWarning() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:99991231T100000Z\r\nDTEND:99991231T110000Z\r\n");

        assertThat(event.start()).isNull();
        assertThat(event.end()).isNull();
        assertThat(event.warnings()).contains("DTSTART is after 2200: ignored");
    }

    @Test
    void b12AnAbsurdDurationIsClampedAndNeverOverflows() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240305T100000Z\r\nDURATION:P9999999W\r\n");

        assertThat(event.end().display()).isEqualTo("2025-03-06T10:00:00Z");
        assertThat(event.warnings()).anyMatch(w -> w.contains("clamped to 366 days"));
    }

    @Test
    void b15AFiveMegabyteSummaryIsRefusedByThePartCap() {
        String huge = event("DTSTART:20240305T100000Z\r\nSUMMARY:" + "x".repeat(74) + "\r\n" + (" " + "y".repeat(74) + "\r\n").repeat(70_000));

        assertThatThrownBy(() -> parser.parse(huge.getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessageStartingWith("calendar larger than 1048576 bytes");
    }

    @Test
    void b15ALongFoldedSummaryAndDescriptionAreCapped() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240305T100000Z\r\nSUMMARY:" + "s".repeat(70) + ("\r\n " + "s".repeat(70)).repeat(100)
                + "\r\nDESCRIPTION:" + "d".repeat(70) + ("\r\n\t" + "d".repeat(70)).repeat(200) + "\r\n");

        assertThat(event.summary()).hasSize(500);
        assertThat(event.description()).hasSize(8000);
    }

    @Test
    void b16TheCalendarsMethodWinsOverTheMailsAndTheDisagreementIsNoted() {
        InvitationTriage.PartVerdict part = triage.triage(event("DTSTART:20240305T100000Z\r\nSUMMARY:Information interview\r\n").getBytes(), "cancel");

        assertThat(part.setAside()).isEmpty();
        assertThat(part.methodMismatch()).contains("mail says CANCEL, calendar says REQUEST");
        assertThat(part.events()).singleElement().satisfies(judged -> {
            assertThat(judged.event().method()).isEqualTo("REQUEST");
            assertThat(judged.verdict().detected()).isTrue();
        });
    }

    @Test
    void b16AMethodMissingOnOneSideIsTakenFromTheOtherWithoutAnyDisagreement() {
        String withoutMethod = event("DTSTART:20240305T100000Z\r\n").replace("METHOD:REQUEST\r\n", "");

        InvitationTriage.PartVerdict fromTheMail = triage.triage(withoutMethod.getBytes(), "cancel");
        InvitationTriage.PartVerdict fromTheCalendar = triage.triage(event("DTSTART:20240305T100000Z\r\n").getBytes(), "");
        InvitationTriage.PartVerdict fromBoth = triage.triage(event("DTSTART:20240305T100000Z\r\n").getBytes(), "REQUEST");

        assertThat(fromTheMail.events()).singleElement().satisfies(judged -> assertThat(judged.event().method()).isEqualTo("CANCEL"));
        assertThat(fromTheCalendar.events()).singleElement().satisfies(judged -> assertThat(judged.event().method()).isEqualTo("REQUEST"));
        assertThat(fromBoth.events()).singleElement().satisfies(judged -> assertThat(judged.event().method()).isEqualTo("REQUEST"));
        assertThat(List.of(fromTheMail, fromTheCalendar, fromBoth)).allSatisfy(part -> {
            assertThat(part.methodMismatch()).isEmpty();
            assertThat(part.setAside()).isEmpty();
        });
    }

    @Test
    void b22AnInvalidSequenceBecomesZeroWithAWarning() throws CalendarRejected {
        for (String bad : new String[] {"two", "-3", "1099511627776"}) {
            CalendarEvent event = parseEvent("DTSTART:20240305T100000Z\r\nSEQUENCE:" + bad + "\r\n");

            assertThat(event.sequence()).as(bad).isZero();
            assertThat(event.warnings()).as(bad).anyMatch(w -> w.startsWith("SEQUENCE \"" + bad + "\" is not a valid number"));
        }
    }

    @Test
    void b32BidiOverridesAndZeroWidthCharactersAreRemovedFromNames() throws CalendarRejected {
        CalendarEvent event = parseEvent("DTSTART:20240305T100000Z\r\n"
                + "ATTENDEE;CN=\"Jo\u200Bhn \u202Enhoj\u202C\":mailto:JOHN@EXAMPLE.ORG\r\nSUMMARY:\u2067Interview\u2069\r\n");

        assertThat(event.attendees().get(0).name()).isEqualTo("John nhoj");
        assertThat(event.attendees().get(0).email()).isEqualTo("john@example.org");
        assertThat(event.summary()).isEqualTo("Interview");
    }

    @Test
    void somethingThatIsNotACalendarIsRefused() {
        assertThatThrownBy(() -> parser.parse("Hello, this is not a calendar".getBytes()))
                .isInstanceOf(CalendarRejected.class).hasMessage("not an iCalendar object (no BEGIN:VCALENDAR)");
    }

    @Test
    void aPartThatCannotBeReadIsSetAsideWithTheParsersReasonAndNoEvent() {
        InvitationTriage.PartVerdict part = triage.triage("Hello, this is not a calendar".getBytes(), "REQUEST");

        assertThat(part.invitation()).isEmpty();
        assertThat(part.setAside()).contains("not an iCalendar object (no BEGIN:VCALENDAR)");
        assertThat(part.events()).isEmpty();
    }
}
