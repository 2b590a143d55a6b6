package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code calendars:} list: every source kind, its defaults, and each problem with its line and key. */
class CalendarsConfigTest {

    private static final String MINIMAL = """
            profile:
              name: Camille Martin
              addresses: [camille.martin@example.org]
            mailbox:
              host: imap.example.org
              username: camille
              password_file: pw
            """;

    @TempDir
    Path dir;

    private ConfigLoader loader() {
        return new ConfigLoader(name -> null, dir.resolve("home"), ZoneId.of("UTC"));
    }

    private RebondConfig load(String yaml) throws IOException {
        return loader().load(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private ConfigException problems(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader().load(file));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e;
    }

    @Test
    void noCalendarsByDefault() throws IOException {
        assertThat(load(MINIMAL).calendars()).isEmpty();
    }

    @Test
    void eachKindOfCalendarIsReadWithItsDefaults() throws IOException {
        Files.createDirectories(dir.resolve("vdir"));
        RebondConfig c = load(MINIMAL + """
                calendars:
                  - {type: caldav, url: "https://dav.example.org/", username: camille, password_file: dav-pw,
                     prep_calendar: "https://dav.example.org/camille/rebond/", interval: 10m}
                  - {type: ics-url, url: "webcal://calendar.example.org/private-1/basic.ics"}
                  - {type: ics-file, path: vdir}
                """);

        assertThat(c.calendars()).hasSize(3);
        RebondConfig.Calendar dav = c.calendars().get(0);
        assertThat(dav.type()).isEqualTo(RebondConfig.CalendarType.CALDAV);
        assertThat(dav.url()).isEqualTo(URI.create("https://dav.example.org/"));
        assertThat(dav.password().file()).isEqualTo(dir.resolve("dav-pw"));
        assertThat(dav.prepCalendar()).isEqualTo(URI.create("https://dav.example.org/camille/rebond/"));
        assertThat(dav.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(dav.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.calendars().get(1).type()).isEqualTo(RebondConfig.CalendarType.ICS_URL);
        assertThat(c.calendars().get(1).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.calendars().get(2).path()).isEqualTo(dir.resolve("vdir"));
        assertThat(c.calendars().get(2).interval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everyProblemOfEveryCalendarIsReportedWithItsLineAndKey() throws IOException {
        ConfigException e = problems(MINIMAL + """
                calendars:
                  - type: caldav
                    urll: "https://dav.example.org/"
                  - type: ics-url
                    url: "http://calendar.example.org/basic.ics"
                  - type: ics-file
                    path: nowhere
                    prep_calendar: "https://dav.example.org/x/"
                  - type: outlook
                """);

        assertThat(e.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                Tuple.tuple(9, "calendars[1].url"),
                Tuple.tuple(10, "calendars[1].urll"),
                Tuple.tuple(12, "calendars[2].url"),
                Tuple.tuple(14, "calendars[3].path"),
                Tuple.tuple(15, "calendars[3].prep_calendar"),
                Tuple.tuple(16, "calendars[4].type"));
        assertThat(e.getMessage())
                .contains("calendars[1].urll: unknown key; did you mean calendars[1].url?")
                .contains("plain http:// is refused for calendar.example.org")
                .contains("does not apply to an ics-file calendar")
                .contains("no such file or folder")
                .contains("must be one of caldav, ics-url, ics-file");
    }

    @Test
    void plainHttpOnLoopbackNeedsToBeAllowedOnPurpose() throws IOException {
        assertThat(problems(MINIMAL + "calendars:\n  - {type: caldav, url: \"http://127.0.0.1:5232/\"}\n").getMessage())
                .contains("calendars[1].url: plain http:// on loopback also needs allow_plaintext_on_loopback: true");
        assertThat(load(MINIMAL + "calendars:\n  - {type: caldav, url: \"http://127.0.0.1:5232/\", allow_plaintext_on_loopback: true}\n")
                .calendars()).hasSize(1);
    }

    @Test
    void aPasswordInTheUrlOrInTheFileIsRefusedAndNeverEchoed() throws IOException {
        ConfigException e = problems(MINIMAL + """
                calendars:
                  - {type: caldav, url: "https://camille:hunter2@dav.example.org/"}
                  - {type: caldav, url: "https://dav.example.org/", username: camille, password: hunter2}
                """);

        assertThat(e.getMessage()).contains("must not carry a user name or password").contains("secrets are not accepted in this file")
                .doesNotContain("hunter2");
    }

    @Test
    void calendarsMustBeAListAndOnlyOneMayHoldThePrepEvents() throws IOException {
        assertThat(problems(MINIMAL + "calendars:\n  type: caldav\n").getMessage()).contains("calendars: must be a list of calendars");
        assertThat(problems(MINIMAL + """
                calendars:
                  - {type: caldav, url: "https://a.example.org/", prep_calendar: "https://a.example.org/p/"}
                  - {type: caldav, url: "https://b.example.org/", prep_calendar: "https://b.example.org/p/"}
                """).getMessage()).contains("calendars[2].prep_calendar: only one calendar may hold the prep events");
    }
}
