package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.domain.CalendarEvent;

class CalendarPartsTest {
    private final CalendarParts parts = new CalendarParts(CalendarLimits.defaults());

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    private MimeMessage message(String raw) throws IOException, CalendarRejected {
        return parts.readMessage(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String ICS = new String(Fixtures.bytes("google-request.ics"), StandardCharsets.UTF_8);

    @Test
    void b23AnInvitationCarriedInlineAndAsAnAttachmentIsReportedOnce() throws Exception {
        String crlf = ICS.replace("\n", "\r\n");
        String base64 = Base64.getMimeEncoder().encodeToString((crlf + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        MimeMessage message = message("""
                From: Claire <claire.dubois@example.org>
                To: sam.martin@example.net
                Subject: Invitation
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                You are invited.
                --inner
                Content-Type: text/calendar; charset=UTF-8; method=REQUEST
                Content-Transfer-Encoding: 8bit

                """ + ICS + """
                --inner--
                --outer
                Content-Type: application/ics; name="invite.ics"
                Content-Disposition: attachment; filename="invite.ics"
                Content-Transfer-Encoding: base64

                """ + base64 + """

                --outer--
                """);

        List<CalendarParts.CalendarPart> found = parts.of(message);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).index()).isEqualTo(1);
        assertThat(found.get(0).mimeMethod()).isEqualTo("REQUEST");
        ParsedCalendar calendar = new CalendarParser(CalendarLimits.defaults()).parse(found.get(0).content());
        assertThat(calendar.events().get(0).uid()).isEqualTo("7kq2m9c0rb1f3l5v8o2s6h4n1d@google.com");
    }

    @Test
    void twoDifferentCalendarsInOneMailAreBothReportedInMimeOrder() throws Exception {
        String other = new String(Fixtures.bytes("cancel.ics"), StandardCharsets.UTF_8);
        MimeMessage message = message("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/calendar; method=REQUEST\n\n" + ICS
                + "--b\nContent-Type: application/octet-stream; name=cancel.ics\n\n" + other + "--b--\n");

        List<CalendarParts.CalendarPart> found = parts.of(message);

        assertThat(found).extracting(CalendarParts.CalendarPart::index).containsExactly(1, 2);
        assertThat(found).extracting(CalendarParts.CalendarPart::mimeMethod).containsExactly("REQUEST", "");
    }

    @Test
    void b33AMultipartNestedAThousandLevelsDeepStopsAtTheDepthLimitWithoutAStackOverflow() throws Exception {
        StringBuilder raw = new StringBuilder("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i <= 1000; i++) {
            raw.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
        }
        raw.append("--b1000\nContent-Type: text/calendar\n\n").append(ICS).append("--b1000--\n");

        List<CalendarParts.CalendarPart> found = parts.of(message(raw.toString()));

        assertThat(found).isEmpty();
    }

    @Test
    void aBrokenPartIsSkippedAndTheOthersAreStillRead() throws Exception {
        MimeMessage message = message("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: multipart/related\n\nno boundary here\n"
                + "--b\nContent-Type: text/calendar; method=\"REQUEST\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(ICS) + "--b--\n");

        List<CalendarParts.CalendarPart> found = parts.of(message);

        assertThat(found).hasSize(1);
        CalendarEvent event = new CalendarParser(CalendarLimits.defaults()).parse(found.get(0).content()).events().get(0);
        assertThat(event.location()).startsWith("Café Lumière");
    }

    private static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '=' || c >= 0x80) {
                out.append(String.format("=%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    @Test
    void anOversizedCalendarPartIsRefusedByTheParserWithItsSize() throws Exception {
        String big = ICS.replace("SUMMARY:", "X-FILLER:" + "z".repeat(1_100_000) + "\nSUMMARY:");
        MimeMessage message = message("MIME-Version: 1.0\nContent-Type: text/calendar; method=REQUEST\n\n" + big);

        List<CalendarParts.CalendarPart> found = parts.of(message);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).content()).hasSize(1_048_577);
        Assertions.assertThatThrownBy(() -> new CalendarParser(CalendarLimits.defaults()).parse(found.get(0).content()))
                .isInstanceOf(CalendarRejected.class).hasMessageStartingWith("calendar larger than");
    }
}
