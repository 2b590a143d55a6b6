package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, version, usage mistakes and configuration refusals, with their exit codes. */
class CommandLineTest {

    /** The help is in the environment's language (or the profile's): these tests read the English one. */
    private static final Map<String, String> ENGLISH = Map.of("LANG", "en_US.UTF-8");

    @TempDir
    Path dir;

    @Test
    void theTopCommandHelpExitsZeroAndPrintsTheUsage() {
        Cli.Result result = Cli.inEnvironment(ENGLISH, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: rebond").contains("run").contains("doctor").contains("status")
                .contains("inspect").contains("preview").contains("demo");
        assertThat(result.err()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySubcommandHasAHelpThatExitsZeroAndPrintsItsUsage() {
        List<String> names = List.copyOf(Main.commandLine(Clock.systemUTC()).getSubcommands().keySet());
        assertThat(names).contains("init", "run", "demo", "doctor", "status", "inspect", "preview", "notes", "milestone", "contact", "network", "progress", "allowlist", "class-archive", "completion", "help");
        return names.stream().map(name -> DynamicTest.dynamicTest("rebond " + name + " --help", () -> {
            Cli.Result result = Cli.inEnvironment(ENGLISH, name, "--help");

            assertThat(result.exitCode()).as("exit code of rebond %s --help; err: %s", name, result.err()).isZero();
            assertThat(result.out()).contains("Usage: rebond " + name);
            assertThat(result.err()).isEmpty();
        }));
    }

    @Test
    void theHelpListsEveryDocumentedExitCode() {
        String help = Cli.inEnvironment(ENGLISH, "--help").out();

        assertThat(help).contains("Exit codes:");
        String codes = help.substring(help.indexOf("Exit codes:"));
        for (String code : List.of("0", "64", "65", "69", "74", "78")) {
            assertThat(codes).as("exit code %s in the help", code).containsPattern("(?m)^\\s*" + code + "\\s+\\S");
        }
    }

    @Test
    void classArchiveRunOutsideThePackagedJarExits64AndShowsTheCommandFromTheJar(@TempDir Path dir) {
        Cli.Result result = Cli.run("class-archive", "--lang", "en", dir.resolve("rebond.jsa").toString());
        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).contains("java -jar /usr/lib/rebond/rebond.jar class-archive");
        assertThat(dir.resolve("rebond.jsa")).doesNotExist();
    }

    @Test
    void theVersionOptionPrintsAVersion() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("rebond ").hasLineCount(1);
    }

    @Test
    void anUnknownOptionExits64AndSaysToRunHelp() {
        Cli.Result result = Cli.inEnvironment(ENGLISH, "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--frobnicate").contains("Run 'rebond --help'");
    }

    @Test
    void anUnknownOptionOfASubcommandPointsToThatSubcommandsHelp() {
        Cli.Result result = Cli.inEnvironment(ENGLISH, "status", "--config", dir.resolve("rebond.yaml").toString(), "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--frobnicate").contains("Run 'rebond status --help'");
    }

    @Test
    void aMissingConfigOptionExits64() {
        for (String command : List.of("run", "doctor", "status")) {
            Cli.Result result = Cli.inEnvironment(ENGLISH, command);

            assertThat(result.exitCode()).as("rebond %s", command).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as("rebond %s", command).contains("--config").contains("--help");
        }
    }

    @Test
    void previewOfAnUnknownMessageNameExits64AndListsTheNamesItKnows() {
        Cli.Result result = Cli.run("preview", "invitation", "--interview", "1", "--config", dir.resolve("rebond.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("invitation").contains("brief").contains("debrief").contains("thank-you")
                .contains("keep-posted");
    }

    @Test
    void runOnAConfigurationWithTwoBadKeysExits78AndReportsBothWithTheirLines() throws IOException {
        Path config = Files.writeString(dir.resolve("rebond.yaml"), """
                profile:
                  name: Camille Martin
                  addresses: [camille.martin@example.org]
                  langage: fr
                mailbox:
                  host: imap.example.org
                  port: 99999
                  username: camille.martin@example.org
                  password_file: /nonexistent/imap-password
                """);

        Cli.Result result = Cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("2 problems")
                .containsPattern("rebond\\.yaml:4: profile\\.langage: .*language")
                .containsPattern("rebond\\.yaml:7: mailbox\\.port: .*65535");
        assertThat(result.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void runOnAMissingConfigurationFileExits78AndSaysWhereToStart() {
        Cli.Result result = Cli.run("run", "--config", dir.resolve("absent.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("absent.yaml").contains("rebond.example.yaml");
    }

    @Test
    void aDamagedDatabaseIsNamedWithWhatToDoInTheUsersLanguageAndExits74() throws Exception {
        Path password = Cli.passwordFile(dir, "s3cret-Passw0rd", "rw-------");
        Path database = dir.resolve("state").resolve("rebond.db");
        org.rebond.store.Database.open(database).close();
        int page;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 3_000; i++) {
                st.execute("INSERT INTO address (email, id) VALUES ('person" + i + "@example.org', " + (i + 1) + ")");
            }
            c.commit();
            c.setAutoCommit(true);
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'address' AND type = 'index'")) {
                page = rs.getInt(1);
            }
        }
        // A disk fault in the middle of the file: the header is intact, so the file still opens.
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(database.toFile(), "rw")) {
            file.seek((page - 1) * 4096L);
            file.write("not a b-tree page ".repeat(300).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4096);
        }

        Path english = Files.writeString(dir.resolve("rebond.yaml"), Cli.config(dir, "en", "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
        Cli.Result result = Cli.run("status", "--config", english.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("the database " + database + " is damaged").contains("Restore a backup or move it aside");

        Path french = Files.writeString(dir.resolve("rebond-fr.yaml"), Cli.config(dir, "fr", "Europe/Paris", "imap.example.org", 993, "tls", password, ""));
        Cli.Result enFrancais = Cli.run("status", "--config", french.toString());

        assertThat(enFrancais.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(enFrancais.err()).contains("la base de données " + database + " est abîmée").contains("Restaurez une sauvegarde");
    }

    @Test
    void runRefusesAWorldReadablePasswordFileWith78NamingTheFileAndChmod600() throws IOException {
        Path password = Cli.passwordFile(dir, "s3cret-Passw0rd", "rw-r--r--");
        Path config = Files.writeString(dir.resolve("rebond.yaml"),
                Cli.config(dir, "en", "Europe/Paris", "imap.example.org", 993, "tls", password, ""));

        // Before the fix, run started the daemon anyway and retried the login for ever: bound the wait.
        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("run", "--config", config.toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains(password.toString()).contains("chmod 600 " + password).contains("644");
        assertThat(result.all()).doesNotContain("s3cret-Passw0rd");
    }

    @Test
    void runRefusesAMissingPasswordFileWith78() throws IOException {
        Path config = Files.writeString(dir.resolve("rebond.yaml"),
                Cli.config(dir, "en", "Europe/Paris", "imap.example.org", 993, "tls", dir.resolve("no-such-password"), ""));

        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("run", "--config", config.toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("no-such-password").contains("does not exist");
    }

    @Test
    void runRefusesPlainTextImapToAnotherMachineWith78() throws IOException {
        Path password = Cli.passwordFile(dir, "s3cret-Passw0rd", "rw-------");
        Path config = Files.writeString(dir.resolve("rebond.yaml"),
                Cli.config(dir, "en", "Europe/Paris", "imap.example.org", 143, "none", password, ""));

        Cli.Result result = Cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).containsPattern("rebond\\.yaml:\\d+: mailbox\\.security: none \\(no TLS\\) is refused for imap\\.example\\.org")
                .contains("tls").contains("starttls");
        assertThat(Files.exists(dir.resolve("state").resolve("rebond.db"))).as("nothing started, no database created").isFalse();
    }

    @Test
    void everyCommandIsSummedUpInTheHelpByOneWholeSentence() {
        Cli.Result help = Cli.inEnvironment(ENGLISH, "--help");
        List<String> commands = help.out().lines().dropWhile(l -> !l.startsWith("Commands:")).skip(1)
                .takeWhile(l -> l.startsWith("  ")).filter(l -> !l.strip().startsWith("help ")).toList();

        assertThat(commands).hasSize(18).allSatisfy(line -> assertThat(line.strip())
                .as("a summary that is not cut mid-sentence").matches("[a-z-]+ +[A-Z].*\\.$"));
    }

    @Test
    void aCommandsHelpReadsAsParagraphsNotAsLinesCutMidSentence() {
        for (String command : List.of("run", "demo", "doctor", "status", "inspect", "preview", "track", "ignore", "done", "notes", "milestone", "contact", "network", "progress", "allowlist", "completion",
                "class-archive")) {
          for (Map<String, String> environment : List.of(ENGLISH, Map.of("LANG", "fr_FR.UTF-8"))) {
            List<String> lines = Cli.inEnvironment(environment, command, "--help").out().lines().toList();
            int usage = lines.indexOf(lines.stream().filter(l -> l.startsWith("Usage:") || l.startsWith("Utilisation :")).findFirst().orElseThrow());
            List<String> description = lines.subList(usage + 1, lines.size()).stream()
                    .dropWhile(l -> l.startsWith("  ") || l.startsWith("    ")).takeWhile(l -> !l.isBlank() && !l.startsWith(" ")).toList();
            for (int i = 0; i + 1 < description.size(); i++) {
                assertThat(description.get(i).length()).as(command + ": line \"" + description.get(i) + "\" is wrapped, not cut short")
                        .isGreaterThan(60);
            }
          }
        }
    }
}
