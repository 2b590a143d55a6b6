package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ZoneId SYSTEM_ZONE = ZoneId.of("America/Montreal");

    @TempDir
    Path dir;

    private Path home;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createDirectories(dir.resolve("home/camille"));
    }

    private ConfigLoader loader() {
        return new ConfigLoader(environment::get, home, SYSTEM_ZONE);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private RebondConfig load(String yaml) throws IOException {
        return loader().load(write(yaml));
    }

    private ConfigException problems(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader().load(file));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e;
    }

    static final String MINIMAL = """
            profile:
              name: Camille Martin
              addresses: [camille.martin@example.org]
            mailbox:
              host: imap.example.org
              username: camille
              password_file: imap-password
            """;

    @Test
    void aMinimalFileGetsEveryDocumentedDefault() throws IOException {
        RebondConfig c = load(MINIMAL);

        assertThat(c.profile().language()).isEqualTo(Locale.ENGLISH);
        assertThat(c.profile().timeZone()).isEqualTo(SYSTEM_ZONE);
        assertThat(c.profile().questions()).isEmpty();
        assertThat(c.profile().objective()).isEmpty();
        RebondConfig.Mailbox m = c.mailbox();
        assertThat(m.security()).isEqualTo(RebondConfig.Security.TLS);
        assertThat(m.port()).isEqualTo(993);
        assertThat(m.allowPlaintextOnLoopback()).isFalse();
        assertThat(m.inbox()).isEqualTo("INBOX");
        assertThat(m.drafts()).isNull();
        assertThat(m.sent()).isNull();
        assertThat(m.createDrafts()).isFalse();
        assertThat(m.idle()).isTrue();
        assertThat(m.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(m.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.writeTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.caFile()).isNull();
        assertThat(c.storage().database()).isEqualTo(home.resolve(".local/state/rebond/rebond.db"));
        assertThat(c.schedule()).isEqualTo(new RebondConfig.Schedule(Duration.ofHours(24), Duration.ofMinutes(30),
                Duration.ZERO, Duration.ofHours(2), List.of(Duration.ofDays(21), Duration.ofDays(90)), Duration.ofMinutes(10),
                true, LocalTime.of(21, 0), LocalTime.of(19, 0), LocalTime.of(8, 30), Duration.ofDays(7), 2));
        assertThat(c.detection()).isEqualTo(new RebondConfig.Detection(List.of("[info]"), List.of(), List.of(), List.of()));
        assertThat(c.limits()).isEqualTo(new RebondConfig.Limits(25L << 20, 1L << 20, 20, 50, 1000));
        assertThat(c.templates().directory()).isNull();
        assertThat(c.source()).isEqualTo(dir.resolve("rebond.yaml").toAbsolutePath().normalize());
    }

    @Test
    void theDatabaseGoesToTheSystemdStateDirectoryWhenThereIsOne() throws IOException {
        environment.put("STATE_DIRECTORY", "/var/lib/rebond:/var/lib/other");

        assertThat(load(MINIMAL).storage().database()).isEqualTo(Path.of("/var/lib/rebond/rebond.db"));
    }

    @Test
    void starttlsAndPlainTextDefaultToPort143() throws IOException {
        assertThat(load(MINIMAL + "  security: starttls\n").mailbox().port()).isEqualTo(143);
    }

    @Test
    void tildeIsTheHomeAndRelativePathsAreRelativeToTheConfigurationFile() throws IOException {
        RebondConfig c = load(MINIMAL.replace("password_file: imap-password", "password_file: ~/.config/rebond/pw")
                + "storage:\n  database: state/rebond.db\n");

        assertThat(c.mailbox().password().file()).isEqualTo(home.resolve(".config/rebond/pw"));
        assertThat(c.storage().database()).isEqualTo(dir.resolve("state/rebond.db").toAbsolutePath().normalize());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKeyAndLine() throws IOException {
        ConfigException e = problems("""
                profile:
                  addresses: [camille.martin@example.org]
                  language: de
                  time_zone: Europe/Pariss
                mailbox:
                  host: imap.example.org
                  port: 99999
                  username: camille
                  password_file: imap-password
                  poll_interval: -5m
                  inbox: ""
                limits:
                  max_timezones: zero
                """);

        assertThat(e.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(1, "profile.name"),
                tuple(3, "profile.language"),
                tuple(4, "profile.time_zone"),
                tuple(7, "mailbox.port"),
                tuple(10, "mailbox.poll_interval"),
                tuple(11, "mailbox.inbox"),
                tuple(13, "limits.max_timezones"));
        assertThat(e.getMessage())
                .startsWith("The configuration " + dir.resolve("rebond.yaml") + " has 7 problems:")
                .contains("rebond.yaml:7: mailbox.port: must be between 1 and 65535 (got \"99999\")")
                .contains("rebond.yaml:3: profile.language: must be one of en, fr (got \"de\")")
                .contains("rebond.yaml:4: profile.time_zone: unknown time zone (got \"Europe/Pariss\"); did you mean Europe/Paris?")
                .contains("rebond.yaml:10: mailbox.poll_interval: must be greater than zero (got \"-5m\")")
                .contains("rebond.yaml:11: mailbox.inbox: must not be empty")
                .contains("rebond.yaml:1: profile.name: is required")
                .endsWith("every key, its default and its meaning are described in config/rebond.example.yaml.");
    }

    @Test
    void anUnknownKeyNamesTheNearestKnownOne() throws IOException {
        ConfigException e = problems(MINIMAL + "  pol_interval: 5m\n  readTimeout: 10s\nhost: imap.example.org\n");

        assertThat(e.getMessage())
                .contains("rebond.yaml:8: mailbox.pol_interval: unknown key; did you mean mailbox.poll_interval?")
                .contains("rebond.yaml:9: mailbox.readTimeout: unknown key; did you mean mailbox.read_timeout?")
                .contains("rebond.yaml:10: host: unknown key; did you mean mailbox.host (under mailbox:)?");
    }

    @Test
    void anUnknownKeyFarFromAnyOtherListsTheKeysOfItsSection() throws IOException {
        assertThat(problems(MINIMAL + "storage:\n  whatever: 1\n").getMessage())
                .contains("rebond.yaml:9: storage.whatever: unknown key; the keys of storage are kind, database, url, username, password_file, "
                        + "password_credential, password_command, pool_size");
    }

    @Test
    void wrongTypesAreNamed() throws IOException {
        ConfigException e = problems("""
                profile:
                  name: [Camille, Martin]
                  addresses: camille.martin@example.org
                mailbox:
                  host: imap.example.org
                  username: camille
                  password_file: imap-password
                  idle: yes
                  port: {number: 993}
                schedule: 24h
                """);

        assertThat(e.getMessage())
                .contains("rebond.yaml:2: profile.name: must be a single value, not a list")
                .contains("rebond.yaml:3: profile.addresses: must be a list, e.g. [camille.martin@example.org]")
                .contains("rebond.yaml:8: mailbox.idle: must be true or false (got \"yes\")")
                .contains("rebond.yaml:9: mailbox.port: must be a single value, not a mapping")
                .contains("rebond.yaml:10: schedule: must be a mapping of keys");
    }

    @Test
    void missingRequiredKeysAreListedTogether() throws IOException {
        ConfigException e = problems("schedule:\n  brief_before: 12h\n");

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "profile.name", "profile.addresses", "mailbox.host", "mailbox.username", "mailbox");
        assertThat(e.getMessage()).contains("mailbox: no password source: set password_file (recommended)");
    }

    @Test
    void invalidValuesAreRefused() throws IOException {
        ConfigException e = problems("""
                profile:
                  name: Camille Martin
                  addresses: [camille.martin@example.org, "Camille <camille@example.org>", camille]
                mailbox:
                  host: imaps://imap.example.org
                  username: camille
                  password_file: imap-password
                  drafts: "Drafts*"
                  sent: "   "
                  connect_timeout: 0s
                  read_timeout: 30
                schedule:
                  thank_you_after_end: 0m
                  brief_before: 0h
                  keep_posted_after_end: [90d, 21d]
                limits:
                  max_message_bytes: 25 parsecs
                  max_instances: -3
                """);

        assertThat(e.getMessage())
                .contains("rebond.yaml:3: profile.addresses: is not an e-mail address (got \"Camille <camille@example.org>\"); write only the address")
                .contains("rebond.yaml:3: profile.addresses: is not an e-mail address (got \"camille\")")
                .contains("rebond.yaml:5: mailbox.host: must be a host name only, without a scheme")
                .contains("rebond.yaml:8: mailbox.drafts: must be a folder name, without the IMAP wildcards")
                .contains("rebond.yaml:9: mailbox.sent: must not be blank")
                .contains("rebond.yaml:10: mailbox.connect_timeout: must be greater than zero (got \"0s\")")
                .contains("rebond.yaml:11: mailbox.read_timeout: needs a unit (s, m, h, d or w), e.g. 30m or 30s")
                .contains("rebond.yaml:14: schedule.brief_before: must be greater than zero")
                .contains("rebond.yaml:15: schedule.keep_posted_after_end: must be in increasing order")
                .contains("rebond.yaml:17: limits.max_message_bytes: unknown unit \"parsecs\"")
                .contains("rebond.yaml:18: limits.max_instances: must be at least 1 (got \"-3\")")
                .doesNotContain("thank_you_after_end");
    }

    @Test
    void theHumanHoursAreReadAsTimesOfDayQuotedOrNot() throws IOException {
        RebondConfig c = load(MINIMAL + """
                schedule:
                  thank_you_not_after: "20:30"
                  late_end_after: 18:00
                  next_morning_at: "9:00"
                  human_hours: false
                """);

        assertThat(c.schedule().thankYouNotAfter()).isEqualTo(LocalTime.of(20, 30));
        assertThat(c.schedule().lateEndAfter()).isEqualTo(LocalTime.of(18, 0));
        assertThat(c.schedule().nextMorningAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(c.schedule().humanHours()).isFalse();
    }

    @Test
    void humanHoursOutOfOrderAThankYouLaterThanADayOrBeforeThePromptAreRefusedSayingWhy() throws IOException {
        assertThat(problems(MINIMAL + "schedule:\n  thank_you_not_after: \"25:00\"\n").getMessage())
                .contains("schedule.thank_you_not_after: must be a time of day written HH:MM, e.g. \"21:00\" (got \"25:00\")");
        assertThat(problems(MINIMAL + "schedule:\n  next_morning_at: \"19:30\"\n").getMessage())
                .contains("schedule.next_morning_at: must be earlier in the day than late_end_after (19:00)");
        assertThat(problems(MINIMAL + "schedule:\n  late_end_after: \"22:00\"\n").getMessage())
                .contains("schedule.late_end_after: must not be later in the day than thank_you_not_after (21:00)");
        assertThat(problems(MINIMAL + "schedule:\n  thank_you_after_end: 30h\n").getMessage())
                .contains("schedule.thank_you_after_end: must be at most 24h");
        assertThat(problems(MINIMAL + "schedule:\n  debrief_after_end: 3h\n").getMessage())
                .contains("schedule.debrief_after_end: must not be longer than thank_you_after_end (2h)");
    }

    @Test
    void durationsAndSizesAcceptEveryDocumentedSpelling() throws IOException {
        RebondConfig c = load(MINIMAL + """
                  poll_interval: 90s
                  connect_timeout: PT15S
                  read_timeout: 1h30m
                schedule:
                  brief_before: pt24h
                  prep_duration: 45m
                  debrief_after_end: 0m
                  keep_posted_after_end: [2w, 21d, P60D]
                limits:
                  max_message_bytes: 1MB
                  max_calendar_part_bytes: 512KiB
                """);

        assertThat(c.mailbox().pollInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.mailbox().connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.mailbox().readTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.schedule().briefBefore()).isEqualTo(Duration.ofHours(24));
        assertThat(c.schedule().keepPostedAfterEnd())
                .containsExactly(Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(60));
        assertThat(c.limits().maxMessageBytes()).isEqualTo(1_000_000L);
        assertThat(c.limits().maxCalendarPartBytes()).isEqualTo(512L * 1024);
    }

    @Test
    void plainTextToAnotherMachineIsRefusedEvenWithTheLoopbackFlag() throws IOException {
        ConfigException e = problems(MINIMAL + "  security: none\n  allow_plaintext_on_loopback: true\n");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("mailbox.security");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("refused for imap.example.org").contains("tls");
        });
    }

    @Test
    void plainTextOnLoopbackNeedsTheExplicitFlag() throws IOException {
        String loopback = """
                profile:
                  name: Camille Martin
                  addresses: [camille.martin@example.org]
                mailbox:
                  host: 127.0.0.1
                  username: camille
                  security: none
                """;

        assertThat(problems(loopback).getMessage())
                .contains("mailbox.security: none (no TLS) on loopback also needs mailbox.allow_plaintext_on_loopback: true");
        RebondConfig demo = load(loopback + "  allow_plaintext_on_loopback: true\n");
        assertThat(demo.mailbox().password()).as("the demo needs no password").isNull();
        assertThat(demo.mailbox().port()).isEqualTo(143);
        assertThat(load(loopback.replace("127.0.0.1", "localhost") + "  allow_plaintext_on_loopback: true\n")
                .mailbox().security()).isEqualTo(RebondConfig.Security.NONE);
        assertThat(load(loopback.replace("127.0.0.1", "\"::1\"") + "  allow_plaintext_on_loopback: true\n")
                .mailbox().host()).isEqualTo("::1");
    }

    @Test
    void loopbackIsDecidedFromTheTextAlone() {
        assertThat(List.of("localhost", "LOCALHOST.", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"))
                .allMatch(Loopback::isLoopback);
        assertThat(List.of("imap.example.org", "128.0.0.1", "127.0.0.256", "::2", "localhost.example.org", "10.0.0.1"))
                .noneMatch(Loopback::isLoopback);
    }

    @Test
    void aLoopbackHostWithTlsStillNeedsAPassword() throws IOException {
        ConfigException e = problems("""
                profile:
                  name: Camille Martin
                  addresses: [camille.martin@example.org]
                mailbox:
                  host: localhost
                  username: camille
                """);

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("mailbox");
    }

    @Test
    void anInlinePasswordIsRefusedWithTheWaysToDoItInstead() throws IOException {
        ConfigException e = problems(MINIMAL.replace("  password_file: imap-password\n", "  password: hunter2-s3cret\n"));

        assertThat(e.getMessage())
                .contains("rebond.yaml:7: mailbox.password: secrets are not accepted in this file")
                .contains("password_file").contains("chmod 600").contains("LoadCredential=")
                .contains("password_command")
                .doesNotContain("hunter2-s3cret");
    }

    @Test
    void aSecretInTheEnvironmentIsNotSupportedEither() throws IOException {
        assertThat(problems(MINIMAL + "  password_env: IMAP_PASSWORD\n").getMessage())
                .contains("mailbox.password_env: secrets are not accepted in this file, nor from the environment")
                .doesNotContain("IMAP_PASSWORD");
    }

    @Test
    void onlyOnePasswordSourceMayBeSet() throws IOException {
        ConfigException e = problems(MINIMAL + "  password_credential: imap-password\n");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("only one password source may be set, found password_file and password_credential");
        });
    }

    @Test
    void aPasswordCommandMustBeAList() throws IOException {
        String command = MINIMAL.replace("  password_file: imap-password\n", "  password_command: pass show mail/imap\n");

        assertThat(problems(command).getMessage())
                .contains("rebond.yaml:7: mailbox.password_command: is run without a shell, so give it as a list (argv form)")
                .doesNotContain("pass show mail/imap");
        RebondConfig c = load(command.replace("pass show mail/imap", "[pass, show, mail/imap]"));
        assertThat(c.mailbox().password().command()).containsExactly("pass", "show", "mail/imap");
        assertThat(c.mailbox().password().toString()).isEqualTo("Secret[command=pass …]");
    }

    @Test
    void aSystemdCredentialIsNamedNotPathed() throws IOException {
        String credential = MINIMAL.replace("password_file: imap-password", "password_credential: ../etc/shadow");

        assertThat(problems(credential).getMessage())
                .contains("mailbox.password_credential: must be a credential name as given to LoadCredential=");
        assertThat(load(credential.replace("../etc/shadow", "imap-password")).mailbox().password())
                .isEqualTo(new RebondConfig.Secret(null, "imap-password", null));
    }

    @Test
    void filesNamedInTheConfigurationMustExistWhenTheyAreReadAtStartUp() throws IOException {
        ConfigException e = problems(MINIMAL + "  ca_file: missing-ca.pem\ntemplates:\n  directory: ~/nowhere\n");

        assertThat(e.getMessage())
                .contains("rebond.yaml:8: mailbox.ca_file: no such file: " + dir.resolve("missing-ca.pem"))
                .contains("rebond.yaml:10: templates.directory: no such directory: " + home.resolve("nowhere"));

        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Files.createDirectories(home.resolve("templates"));
        RebondConfig c = load(MINIMAL + "  ca_file: ca.pem\ntemplates:\n  directory: ~/templates\n");
        assertThat(c.mailbox().caFile()).isEqualTo(dir.resolve("ca.pem").toAbsolutePath().normalize());
        assertThat(c.templates().directory()).isEqualTo(home.resolve("templates"));
    }

    @Test
    void aDuplicateKeyIsReportedWithBothLines() throws IOException {
        assertThat(problems(MINIMAL + "  host: imap.example.net\n").getMessage())
                .contains("rebond.yaml:8: mailbox.host: appears twice (first on line 5); keep only one");
    }

    @Test
    void yamlTagsAreRefusedAndNothingIsConstructed() throws IOException {
        ConfigException global = problems(MINIMAL + "  username: !!javax.script.ScriptEngineManager [x]\n");
        ConfigException local = problems(MINIMAL + "  idle: !env IMAP_IDLE\n");

        assertThat(global.getMessage()).contains("rebond.yaml:8: is not valid YAML: Global tag is not allowed");
        assertThat(local.getMessage()).contains("rebond.yaml:8: YAML tags such as !env are not supported; write plain values");
    }

    @Test
    void aSyntaxErrorGivesItsLineButNotTheLineItself() throws IOException {
        ConfigException e = problems(MINIMAL + "  password_file: \"hunter2\n  idle: true\n");

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML"));
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void aFileTooLargeOrMissingOrEmptyIsReportedPlainly() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[ConfigLoader.MAX_FILE_BYTES + 1]);
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader().load(big)).getMessage())
                .contains("big.yaml: is " + (ConfigLoader.MAX_FILE_BYTES + 1) + " bytes");
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader().load(dir.resolve("absent.yaml"))).getMessage())
                .contains("absent.yaml: no such file; copy config/rebond.example.yaml");
        assertThat(problems("# nothing yet\n").getMessage()).contains("rebond.yaml: is empty");
    }

    @Test
    void aBillionLaughsIsStoppedByTheAliasLimit() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }

        assertThat(problems(yaml.toString()).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("YAML"));
    }

    @Test
    void controlCharactersNeverReachAHeader() throws IOException {
        assertThat(problems(MINIMAL.replace("name: Camille Martin", "name: \"Camille\\r\\nBcc: x@example.org\""))
                .getMessage()).contains("rebond.yaml:2: profile.name: must be on one line, without control characters");
    }

    @Test
    void theConfigurationPrintsWithoutAnySecret() throws IOException {
        RebondConfig c = load(MINIMAL);

        assertThat(c.toString()).contains("Secret[file=" + dir.resolve("imap-password").toAbsolutePath().normalize() + "]");
    }
}
