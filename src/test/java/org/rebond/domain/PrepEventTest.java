package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.CalendarParser;

/** The prep event attached to the brief: RFC 5545 folding and TEXT escaping. */
class PrepEventTest {

    private static final Instant STAMP = Instant.parse("2025-03-09T09:00:00Z");
    private static final Instant START = Instant.parse("2025-03-10T08:30:00Z");
    private static final Instant END = Instant.parse("2025-03-10T09:00:00Z");

    private static String write(String summary, String description) {
        return PrepEvent.write("iv-1@acme.example", "", 0, STAMP, START, END, summary, description, "<p>brief</p>");
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Test
    void everyLineIsFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() throws Exception {
        String summary = "Préparation : entretien d'information avec Zoë Ångström — 日本語のテキスト 🙂🙂🙂 ".repeat(6);
        byte[] ics = write(summary, "Ça va être très intéressant ✨ ".repeat(40)).getBytes(StandardCharsets.UTF_8);

        int lineStart = 0;
        for (int i = 0; i + 1 < ics.length; i++) {
            if (ics[i] == '\r' && ics[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(ics, lineStart, i);
                assertThat(line.length).as("octets in line %s", new String(line, StandardCharsets.UTF_8)).isLessThanOrEqualTo(75);
                strictUtf8(line); // throws when a multi-byte character was cut at the fold
                lineStart = i + 2;
            }
        }
        assertThat(lineStart).isEqualTo(ics.length);
    }

    @Test
    void foldedTextReadsBackAsWritten() throws Exception {
        String summary = "Préparation : entretien d'information avec Zoë — 日本語 🙂 ".repeat(5).strip();

        CalendarEvent event = new CalendarParser(CalendarLimits.defaults()).parse(write(summary, "d").getBytes(StandardCharsets.UTF_8)).events().get(0);

        assertThat(event.summary()).isEqualTo(summary);
    }

    @Test
    void commasSemicolonsBackslashesAndNewlinesAreEscaped() throws Exception {
        String ics = write("Claire, Acme; R&D \\ data", "line one\nline two\r\nline three");

        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nSUMMARY:Claire\\, Acme\\; R&D \\\\ data\r\n");
        assertThat(unfolded).contains("\r\nDESCRIPTION:line one\\nline two\\nline three\r\n");
        CalendarEvent event = new CalendarParser(CalendarLimits.defaults()).parse(ics.getBytes(StandardCharsets.UTF_8)).events().get(0);
        assertThat(event.summary()).isEqualTo("Claire, Acme; R&D \\ data");
        assertThat(event.description()).isEqualTo("line one\nline two\nline three");
    }

    @Test
    void controlCharactersNeverReachTheCalendar() {
        String ics = write("Claire\u0000\u0007\tAcme", "x\u001b[31m");

        assertThat(ics.replace("\r\n", "")).doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
        assertThat(ics.replace("\r\n ", "")).contains("\r\nSUMMARY:ClaireAcme\r\n");
    }

    @Test
    void thePrepEventRemindsTheUserBeforeItStartsWhenAReminderIsSet() throws Exception {
        String ics = PrepEvent.write("iv-1@acme.example", "", 0, STAMP, START, END, "Prepare: information interview with Claire",
                "brief", "<p>brief</p>", java.time.Duration.ofMinutes(10));

        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics));
        net.fortuna.ical4j.model.component.VEvent event = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getAlarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.getProperty("TRIGGER").orElseThrow().getValue()).isEqualTo("-PT10M");
            assertThat(alarm.getProperty("ACTION").orElseThrow().getValue()).isEqualTo("DISPLAY");
        });
        assertThat(write("Prepare", "brief")).doesNotContain("VALARM");
    }

    @Test
    void thePrepUidIsStablePerInterviewAndDiffersFromIt() {
        assertThat(PrepEvent.uidFor("iv-1@acme.example", "")).isEqualTo(PrepEvent.uidFor("iv-1@acme.example", ""))
                .isNotEqualTo(PrepEvent.uidFor("iv-1@acme.example", "2025-03-10T09:00:00Z"))
                .isNotEqualTo(PrepEvent.uidFor("iv-2@acme.example", ""))
                .endsWith("@rebond");
    }
}
