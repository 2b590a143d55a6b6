package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebond inspect}: one JSON line per calendar component, an error line per unreadable file, never a stack trace. */
class InspectCommandTest {

    static final String INVITATION = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//rebond tests//EN\r
            METHOD:REQUEST\r
            BEGIN:VEVENT\r
            UID:info-interview-42@example.com\r
            DTSTAMP:20250301T090000Z\r
            SEQUENCE:0\r
            DTSTART;TZID=Europe/Paris:20250310T140000\r
            DTEND;TZID=Europe/Paris:20250310T144500\r
            SUMMARY:Information interview with Jane Doe\r
            ORGANIZER;CN=Jane Doe:mailto:jane.doe@company.example\r
            ATTENDEE;CN=Camille Martin:mailto:camille.martin@example.org\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @TempDir
    Path dir;

    @Test
    void anInvitationTitledInformationInterviewGivesOneJsonLineDetectedWithItsStartInstant() throws IOException {
        Path ics = Files.writeString(dir.resolve("invite.ics"), INVITATION);

        Cli.Result result = Cli.run("inspect", ics.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).as("without --config rebond says it does not know the user").contains("your own addresses are not known");
        assertThat(result.out().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{").endsWith("}")
                .contains("\"file\": \"" + ics + "\"")
                .contains("\"uid\": \"info-interview-42@example.com\"")
                // 14:00 in Paris on 10 March 2025 (winter time, UTC+1)
                .contains("\"start\": \"2025-03-10T13:00:00Z\"")
                .contains("\"end\": \"2025-03-10T13:45:00Z\"")
                .contains("\"zone\": \"Europe/Paris\"")
                .containsPattern("\"interview\": \\{\"detected\": ?true"));
    }

    @Test
    void anInvitationForAJobInterviewIsPrintedButNotDetected() throws IOException {
        Path ics = Files.writeString(dir.resolve("job.ics"), INVITATION.replace("Information interview with Jane Doe",
                "Job interview - Senior PM position"));

        Cli.Result result = Cli.run("inspect", ics.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("\"detected\": ?false").contains("\"reason\": \"");
    }

    @Test
    void withTheConfigurationTheUserWhoOrganisedTheInterviewIsNeverItsContact() throws IOException {
        Path ics = Files.writeString(dir.resolve("organised-by-camille.ics"), INVITATION
                .replace("ORGANIZER;CN=Jane Doe:mailto:jane.doe@company.example", "ORGANIZER;CN=Camille Martin:mailto:camille.martin@example.org")
                .replace("ATTENDEE;CN=Camille Martin:mailto:camille.martin@example.org", "ATTENDEE;CN=Jane Doe:mailto:jane.doe@company.example"));
        Path config = Files.writeString(dir.resolve("rebond.yaml"), Cli.config(dir, "en", "Europe/Paris", "imap.example.org", 993, "tls",
                Cli.passwordFile(dir, "s3cret-Passw0rd", "rw-------"), ""));

        Cli.Result withConfig = Cli.run("inspect", "--config", config.toString(), ics.toString());
        Cli.Result without = Cli.run("inspect", ics.toString());

        assertThat(withConfig.exitCode()).isZero();
        assertThat(withConfig.err()).isEmpty();
        assertThat(withConfig.out()).contains("\"contact\": \"jane.doe@company.example\"");
        assertThat(without.out()).as("the organizer is all inspect can go on without the profile's addresses")
                .contains("\"contact\": \"camille.martin@example.org\"");
    }

    @Test
    void aNonCalendarFileAndAMissingFileGiveErrorLinesWhileTheOtherFilesArePrintedAndTheExitIs65() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Buy milk.\nCall Jane about the coffee.\n");
        Path missing = dir.resolve("missing.ics");
        Path broken = Files.writeString(dir.resolve("broken.ics"), "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n");
        Path good = Files.writeString(dir.resolve("invite.ics"), INVITATION);

        Cli.Result result = Cli.run("inspect", notes.toString(), missing.toString(), broken.toString(), good.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("{\"file\": \"" + notes + "\", \"error\": \"").endsWith("\"}");
        assertThat(lines.get(1)).startsWith("{\"file\": \"" + missing + "\", \"error\": \"").contains("no such file");
        assertThat(lines.get(2)).startsWith("{\"file\": \"" + broken + "\", \"error\": \"");
        assertThat(lines.get(3)).contains("\"uid\": \"info-interview-42@example.com\"").containsPattern("\"detected\": ?true");
        assertThat(result.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMailWithoutACalendarPartGivesAnErrorLineAndNoStackTrace() throws IOException {
        Path eml = Files.writeString(dir.resolve("hello.eml"), """
                From: Jane Doe <jane.doe@company.example>\r
                To: camille.martin@example.org\r
                Subject: Hello\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Nice to meet you.\r
                """);

        Cli.Result result = Cli.run("inspect", eml.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(result.out()).startsWith("{\"file\": \"" + eml + "\", \"error\": \"");
        assertThat(result.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void inspectWithoutAPathIsAUsageError() {
        Cli.Result result = Cli.run("inspect");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("PATH").contains("rebond inspect --help");
    }

    @Test
    void theWholeCorpusIsInspectedWithOneJudgedLinePerComponentAndTheMethodMismatchesNoted() {
        String corpus = System.getProperty("rebond.corpus", "");
        assumeTrue(!corpus.isBlank() && Files.isDirectory(Path.of(corpus, "eml")),
                "corpus not given: pass -Drebond.corpus=/path/to/corpus to run this test");

        Cli.Result result = Cli.run("inspect", Path.of(corpus, "ics").toString(), Path.of(corpus, "eml").toString());

        assertThat(result.exitCode()).as("every file and every part was read").isEqualTo(ExitCodes.OK);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).as("one line per row of expected.tsv").hasSize(109)
                .allSatisfy(line -> assertThat(line).startsWith("{\"file\": \"").contains("\"interview\": {\"detected\": ").doesNotContain("\"error\""));
        assertThat(lines).filteredOn(line -> line.contains("meetup_publish_1.eml")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"method\": \"PUBLISH\", \"methodMismatch\": \"mail says REQUEST, calendar says PUBLISH\""));
        assertThat(lines).filteredOn(line -> line.contains("google_counter_1.eml") && line.contains("\"part\": 1,")).singleElement()
                .satisfies(line -> assertThat(line).contains("\"method\": \"COUNTER\", \"methodMismatch\": \"mail says REPLY, calendar says COUNTER\""));
        assertThat(result.out()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void badBytesInATitleShowAsReplacementCharactersNeverAsMojibakeOrInvisibleControls() throws IOException {
        String[] around = INVITATION.split("Information interview with Jane Doe", 2);
        byte[] title = new byte[] {'I', 'n', 'f', 'o', 'r', 'm', 'a', 't', 'i', 'o', 'n', ' ', 'i', 'n', 't', 'e', 'r', 'v', 'i', 'e', 'w', ' ',
                (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xFF, ' ', (byte) 0xC0, (byte) 0x80, ' ', 0x00, 0x1B, 'x'};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        file.writeBytes(title);
        file.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        Path ics = Files.write(dir.resolve("bad-bytes.ics"), file.toByteArray());

        Cli.Result result = Cli.run("inspect", ics.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).as("é kept, each bad byte a U+FFFD, NUL and ESC gone").contains("Information interview \u00e9 \ufffd \ufffd\ufffd x")
                .doesNotContain("Ã").doesNotContain("€").doesNotContain("\\u0000").doesNotContain("\\u001b");
    }
}
