package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.InvitationTriage;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.InterviewDetector;

class InspectorTest {
    @TempDir
    Path dir;

    private final Inspector inspector = new Inspector(CalendarLimits.defaults(), new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()),
            new InterviewDetector(DetectionRules.defaults(), Set.of("sam.martin@example.net"), name -> false)));

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    private String run(List<Path> paths, boolean[] failed) {
        StringWriter text = new StringWriter();
        failed[0] = inspector.inspect(paths, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void anIcsFilePrintsOneJsonLinePerComponentWithEveryKey() throws IOException {
        Path file = Files.write(dir.resolve("outlook.ics"), Fixtures.bytes("outlook-windows-zone.ics"));
        boolean[] failed = new boolean[1];

        String out = run(List.of(file), failed);

        assertThat(failed[0]).isFalse();
        assertThat(out).isEqualTo("{\"file\": \"" + file + "\", \"part\": 0, \"component\": \"VEVENT\", \"method\": \"REQUEST\", \"methodMismatch\": null, "
                + "\"uid\": \"040000008200E00074C5B7101A82E0080000000020D5A3E1B46EDA01000000000000000010000000A1B2C3D4\", "
                + "\"recurrenceId\": null, \"sequence\": 1, \"dtstamp\": \"2024-02-20T09:30:00Z\", \"status\": \"CONFIRMED\", "
                + "\"allDay\": false, \"start\": \"2024-03-05T09:00:00Z\", \"end\": \"2024-03-05T09:30:00Z\", "
                + "\"tzid\": \"Romance Standard Time\", \"zone\": \"Europe/Paris\", \"organizer\": \"paul.durand@entreprise.example\", "
                + "\"attendees\": [\"sam.martin@example.net\", \"salle.jupiter@entreprise.example\"], "
                + "\"summary\": \"Entretien d'information\", \"interview\": {\"detected\": true, \"setAside\": null, "
                + "\"reason\": \"title says \\\"entretien d'information\\\"\", \"contact\": \"paul.durand@entreprise.example\", "
                + "\"referrer\": \"Marie Lefèvre\"}}" + System.lineSeparator());
    }

    @Test
    void aDirectoryIsWalkedAndABadFileGivesAnErrorLineWhileTheOthersGoOn() throws IOException {
        Files.write(dir.resolve("a-good.ics"), Fixtures.bytes("floating-and-all-day.ics"));
        Files.writeString(dir.resolve("b-bad.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n");
        Files.writeString(dir.resolve("c-mail.eml"), "MIME-Version: 1.0\nContent-Type: text/calendar; method=REQUEST\n\n"
                + new String(Fixtures.bytes("google-request.ics"), StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        boolean[] failed = new boolean[1];

        List<String> lines = run(List.of(dir, dir.resolve("missing.ics")), failed).lines().toList();

        assertThat(failed[0]).isTrue();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).contains("\"start\": \"2024-04-12T10:00:00\"", "\"zone\": null", "\"tzid\": null");
        assertThat(lines.get(1)).contains("\"allDay\": true", "\"start\": \"2024-04-15\"", "\"end\": \"2024-04-16\"");
        assertThat(lines.get(3)).isEqualTo("{\"file\": \"" + dir.resolve("b-bad.ics") + "\", \"error\": \"calendar is truncated (no END:VCALENDAR)\"}");
        assertThat(lines.get(4)).contains("\"part\": 1", "\"method\": \"REQUEST\"", "\"referrer\": \"jane.doe@example.com\"");
        assertThat(lines.get(5)).isEqualTo("{\"file\": \"" + dir.resolve("missing.ics") + "\", \"error\": \"no such file or directory\"}");
        assertThat(String.join("\n", lines)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMailWhoseMimeMethodContradictsItsCalendarIsReadWithTheCalendarsMethodAndTheDisagreementIsPrinted() throws IOException {
        Path mail = Files.writeString(dir.resolve("mismatch.eml"), "MIME-Version: 1.0\nContent-Type: text/calendar; method=CANCEL\n\n"
                + new String(Fixtures.bytes("google-request.ics"), StandardCharsets.UTF_8));
        boolean[] failed = new boolean[1];

        String out = run(List.of(mail), failed);

        assertThat(failed[0]).isFalse();
        assertThat(out.strip()).startsWith("{\"file\": \"" + mail + "\", \"part\": 1, \"component\": \"VEVENT\", \"method\": \"REQUEST\", "
                + "\"methodMismatch\": \"mail says CANCEL, calendar says REQUEST\", ").contains("\"detected\": true, \"setAside\": null");
    }

    @Test
    void aPartTheDaemonWouldQuarantinePrintsItsEventsSetAsideWithTheReason() throws IOException {
        Path file = Files.write(dir.resolve("no-organizer.ics"), Fixtures.bytes("request-without-organizer.ics"));
        boolean[] failed = new boolean[1];

        String out = run(List.of(file), failed);

        assertThat(failed[0]).as("the file was read: setting aside is a verdict, not a failure").isFalse();
        assertThat(out.lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"uid\": \"no-organizer-1@example.org\"")
                .endsWith("\"interview\": {\"detected\": false, \"setAside\": \"REQUEST without ORGANIZER\", "
                        + "\"reason\": \"set aside: REQUEST without ORGANIZER\", \"contact\": null, \"referrer\": null}}"));
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesControlsAndLineSeparators() {
        String json = new JsonLine().put("s", "a\"b\\c\nd\u0001e\u2028f\u2029g\u007f").put("n", null).put("l", List.of("x", 1)).toString();

        assertThat(json).isEqualTo("{\"s\": \"a\\\"b\\\\c\\nd\\u0001e\\u2028f\\u2029g\\u007f\", \"n\": null, \"l\": [\"x\", 1]}");
    }
}
