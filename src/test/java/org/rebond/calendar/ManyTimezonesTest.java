package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.domain.CalendarEvent;

/** STACK-NOTES: ical4j's synthetic zone ids come from a global pool of 1,500; rebond must never exhaust it. */
class ManyTimezonesTest {

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    @Test
    void fiveThousandInvitationsEachWithItsOwnVtimezoneParseInOneJvm() throws CalendarRejected {
        CalendarParser parser = new CalendarParser(CalendarLimits.defaults());
        for (int i = 0; i < 5000; i++) {
            int offsetMinutes = (i % 24) * 60 - 11 * 60 + (i % 4) * 15;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            String written = offset.getId().equals("Z") ? "+0000" : offset.getId().replace(":", "");
            String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Custom zone number " + i
                    + "\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:" + written + "\r\nTZOFFSETTO:" + written
                    + "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:invite-" + i + "\r\nORGANIZER:mailto:o@example.org\r\n"
                    + "DTSTART;TZID=Custom zone number " + i + ":20240305T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

            CalendarEvent event = parser.parse(ics.getBytes()).events().get(0);

            Instant expected = LocalDateTime.of(2024, 3, 5, 10, 0).toInstant(offset);
            assertThat(event.start().instant()).as("invitation %d", i).isEqualTo(expected);
        }
        CalendarEvent afterwards = parser.parse(Fixtures.bytes("apple-request.ics")).events().get(0);
        assertThat(afterwards.start().display()).isEqualTo("2024-07-02T12:30:00Z");
    }
}
