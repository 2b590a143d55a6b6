package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.domain.Circles;
import org.rebond.domain.Interview;
import org.rebond.i18n.LanguageCheck;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;

/**
 * Every command a user types, run through {@link Main#execute} on a real setup (SQLite state in a
 * folder of its own, GreenMail on loopback for {@code doctor}), in French and in English, with their
 * usual mistakes: no configuration file, a misspelt key, an unknown interview number, a server that
 * does not answer, a password file missing or readable by others. Whatever a command prints, on either
 * stream, speaks the language of the profile (or of {@code LANG} when no profile could be read), and no
 * object's own description ({@code Secret[file=…]}) ever reaches the user.
 *
 * <p>To add a command: one more {@link Typed} line in {@link #commandLines}, with its exit code.
 */
class EveryCommandSpeaksOneLanguageTest {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String PASSWORD = "c0rrect-Horse-9";
    private static final Instant START = Instant.parse("2030-03-10T13:00:00Z");
    /** Two days before the interview: its brief, debrief prompt and thank-you are all to come. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2030-03-08T09:00:00Z"), ZoneOffset.UTC);
    /** An object's own description: {@code Secret[file=/…]}, {@code Mailbox[host=…]}. */
    private static final Pattern TO_STRING = Pattern.compile("\\b[A-Z][A-Za-z]*\\[[a-z][A-Za-z]*=");


    @TempDir
    Path dir;

    private GreenMail greenMail;

    /**
     * One command line as the user types it: its arguments, what it reads on standard input (null: a
     * terminal), the exit code it should end with, and whether its standard output is data for a program
     * (JSON, a shell script) rather than sentences, in which case only its standard error is judged.
     */
    record Typed(int exitCode, String input, boolean dataOut, List<String> args) {
        static Typed of(int exitCode, String... args) {
            return new Typed(exitCode, null, false, List.of(args));
        }

        static Typed reading(String input, int exitCode, String... args) {
            return new Typed(exitCode, input, false, List.of(args));
        }

        static Typed data(int exitCode, String... args) {
            return new Typed(exitCode, null, true, List.of(args));
        }
    }

    /** The files and numbers the command lines of one language refer to. */
    record Setup(String language, String config, String unreachable, String wrongPassword, String exposedSecret, String missingSecret,
                 String badKey, String brokenTemplate, String noDatabase, String missing, long interview, Path ics, Path page, Path underAFile) {}

    /**
     * Every command line of the run, in order (later ones see what earlier ones recorded). The demo,
     * which takes minutes, is judged the same way by DemoCommandIT.
     */
    static List<Typed> commandLines(Setup s) {
        String id = Long.toString(s.interview());
        String notes = s.language().equals("fr")
                ? "Points abordés :\n- Le marquage CE prend un tiers du temps\nPistes :\n- Le meetup HealthTech de Lyon\n"
                        + "Noms :\n- Sophie Martin <sophie@x.fr> — ok pour la contacter, va me présenter\nProchaines étapes :\n- Lire le guide HAS\n"
                : "Points discussed:\n- Clinicians review every release\nLeads:\n- The HealthTech meetup in Lyon\n"
                        + "Names:\n- Sophie Martin <sophie@x.fr> — ok to contact, will introduce me\nNext steps:\n- Read the HAS guide\n";
        String circle = Circles.defaults(Locale.forLanguageTag(s.language())).get(0);
        return List.of(
                Typed.of(ExitCodes.OK, "doctor", "--config", s.config()),
                Typed.of(ExitCodes.UNAVAILABLE, "doctor", "--config", s.unreachable()),
                Typed.of(ExitCodes.CONFIG, "doctor", "--config", s.wrongPassword()),
                Typed.of(ExitCodes.CONFIG, "doctor", "--config", s.exposedSecret()),
                Typed.of(ExitCodes.CONFIG, "doctor", "--config", s.missingSecret()),
                Typed.of(ExitCodes.CONFIG, "doctor", "--config", s.missing()),
                Typed.of(ExitCodes.CONFIG, "doctor", "--config", s.badKey()),
                Typed.of(ExitCodes.OK, "preview", "brief", "--interview", id, "--config", s.config()),
                Typed.of(ExitCodes.DATA, "preview", "brief", "--interview", "99", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "preview", "nonsense", "--interview", id, "--config", s.config()),
                Typed.of(ExitCodes.CONFIG, "preview", "brief", "--interview", id, "--config", s.badKey()),
                Typed.of(ExitCodes.CONFIG, "preview", "brief", "--interview", id, "--config", s.brokenTemplate()),
                Typed.data(ExitCodes.OK, "inspect", s.ics().toString()),
                Typed.data(ExitCodes.OK, "inspect", "--config", s.config(), s.ics().toString()),
                Typed.of(ExitCodes.CONFIG, "inspect", "--config", s.missing(), s.ics().toString()),
                Typed.reading(notes, ExitCodes.OK, "notes", id, "--dry-run", "--config", s.config()),
                Typed.reading(notes, ExitCodes.OK, "notes", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "notes", id, "--show", "--config", s.config()),
                Typed.reading("nothing to see here\n", ExitCodes.DATA, "notes", id, "--config", s.config()),
                Typed.reading(notes, ExitCodes.DATA, "notes", "99", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "notes", "e3", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "notes", id, "--show", "--dry-run", "--config", s.config()),
                Typed.of(ExitCodes.DATA, "notes", id, "--file", s.page().resolveSibling("absent.txt").toString(), "--config", s.config()),
                Typed.of(ExitCodes.OK, "milestone", "CE marking course", "--config", s.config()),
                Typed.of(ExitCodes.OK, "milestone", "Met the HealthTech team", "--contact", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "milestone", "--list", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "milestone", "--config", s.config()),
                Typed.of(ExitCodes.DATA, "milestone", "A step", "--contact", "99", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "milestone", "A step", "--contact", "someone", "--config", s.config()),
                Typed.of(ExitCodes.OK, "contact", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "contact", id, "--circle", circle, "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "contact", id, "--circle", "nowhere", "--config", s.config()),
                Typed.of(ExitCodes.DATA, "contact", "nobody@example.net", "--config", s.config()),
                Typed.of(ExitCodes.DATA, "contact", "99", "--config", s.config()),
                Typed.of(ExitCodes.OK, "network", "--config", s.config()),
                Typed.of(ExitCodes.OK, "progress", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "progress", "--account", "camille", "--config", s.config()),
                Typed.of(ExitCodes.IO, "network", "--config", s.noDatabase()),
                Typed.of(ExitCodes.IO, "notes", id, "--show", "--config", s.noDatabase()),
                Typed.of(ExitCodes.OK, "network", "--html", s.page().toString(), "--config", s.config()),
                Typed.of(ExitCodes.IO, "network", "--html", s.underAFile().toString(), "--config", s.config()),
                Typed.of(ExitCodes.OK, "allowlist", "--resolv-conf", s.page().resolveSibling("none").toString(), "--config", s.config()),
                Typed.of(ExitCodes.IO, "allowlist", "--write", s.underAFile().toString(), "--config", s.config()),
                Typed.of(ExitCodes.OK, "track", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "ignore", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "ignore", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "track", id, "--config", s.config()),
                Typed.of(ExitCodes.OK, "done", id, "--config", s.config()),
                Typed.of(ExitCodes.DATA, "ignore", "e99", "--config", s.config()),
                Typed.of(ExitCodes.DATA, "track", "99", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "track", "someone", "--config", s.config()),
                Typed.of(ExitCodes.CONFIG, "done", id, "--config", s.badKey()),
                Typed.of(ExitCodes.USAGE, "class-archive", s.page().resolveSibling("rebond.jsa").toString()),
                Typed.of(ExitCodes.USAGE, "class-archive", "--lang", "de", s.page().resolveSibling("rebond.jsa").toString()),
                Typed.data(ExitCodes.OK, "completion"),
                Typed.of(ExitCodes.CONFIG, "run", "--config", s.missing()),
                Typed.of(ExitCodes.CONFIG, "run", "--config", s.badKey()),
                Typed.of(ExitCodes.CONFIG, "run", "--config", s.exposedSecret()),
                Typed.of(ExitCodes.OK, "status", "--config", s.config()),
                Typed.data(ExitCodes.OK, "status", "--json", "--config", s.config()),
                Typed.of(ExitCodes.IO, "status", "--config", s.noDatabase()),
                Typed.of(ExitCodes.CONFIG, "status", "--config", s.badKey()),
                Typed.of(ExitCodes.OK, "--help"),
                Typed.of(ExitCodes.OK, "status", "--help", "--config", s.config()),
                Typed.of(ExitCodes.OK, "help", "notes"),
                Typed.of(ExitCodes.USAGE, "status", "--jsn", "--config", s.config()),
                Typed.of(ExitCodes.USAGE, "init", "--non-interactive", "--language", s.language(),
                        "--config", s.page().resolveSibling("init").resolve("rebond.yaml").toString()),
                Typed.of(ExitCodes.OK, "init", "--non-interactive", "--language", s.language(), "--name", "Camille Martin",
                        "--address", "camille.martin@example.org", "--time-zone", "Europe/Paris", "--objective", "product manager",
                        "--pitch", "eight years of hospital projects", "--imap-host", "127.0.0.1", "--imap-port", "1",
                        "--imap-security", "none", "--password-command", "echo secret", "--no-check",
                        "--config", s.page().resolveSibling("init").resolve("rebond.yaml").toString()));
    }

    @BeforeEach
    void startMailServer() throws Exception {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        GreenMailUser user = greenMail.setUser(EMAIL, EMAIL, PASSWORD);
        for (String folder : List.of("Drafts", "Sent")) {
            greenMail.getManagers().getImapHostManager().createMailbox(user, folder);
        }
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    void everyCommandSpeaksTheUsersLanguageAndNothingElse(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Setup setup = setUp(language);
        List<String> wrong = new ArrayList<>();
        for (Typed typed : commandLines(setup)) {
            Run run = run(typed, language);
            String said = (typed.dataOut() ? "" : run.out()) + run.err();
            if (typed.args().contains("--html") && run.exitCode() == ExitCodes.OK) {
                said += Files.readString(setup.page()).replaceAll("<[^>]*>", "\n");
            }
            String shown = "rebond " + String.join(" ", typed.args()) + " (exit " + run.exitCode() + ")";
            if (run.exitCode() != typed.exitCode()) {
                wrong.add(shown + " — expected exit " + typed.exitCode() + ":\n" + run.out() + run.err());
            }
            LanguageCheck.linesInTheOtherLanguage(said, locale).forEach(line -> wrong.add(shown + ": " + line));
            said.lines().filter(line -> TO_STRING.matcher(line).find()).forEach(line -> wrong.add(shown + " shows an object: " + line));
            if (said.contains(PASSWORD) || said.contains("\tat ")) {
                wrong.add(shown + " shows a password or a stack trace:\n" + said);
            }
        }
        assertThat(wrong).as("what the commands printed in the wrong language, with a wrong exit code, or an object's description")
                .isEmpty();
    }

    @Test
    void aFrenchProfileOutranksAnEnglishEnvironmentEvenWhenItsFileHasProblems() throws Exception {
        Setup french = setUp("fr");

        Run badKey = run(Typed.of(ExitCodes.CONFIG, "doctor", "--config", french.badKey()), "en");
        Run unknown = run(Typed.of(ExitCodes.DATA, "notes", "99", "--show", "--config", french.config()), "en");
        Run noFile = run(Typed.of(ExitCodes.CONFIG, "doctor", "--config", french.missing()), "en");

        assertThat(badKey.err()).contains("a 2 problèmes :", "clé inconnue ; vouliez-vous dire mailbox.port ?");
        assertThat(unknown.err()).contains("aucun entretien #99");
        assertThat(noFile.err()).as("no profile to read: the environment's language").contains("has 1 problem:", "no such file");
    }

    private record Run(int exitCode, String out, String err) {}

    /** Runs one command line through the product's own door, with {@code LANG} set to {@code environmentLanguage}. */
    private Run run(Typed typed, String environmentLanguage) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        byte[] input = typed.input() == null ? new byte[0] : typed.input().getBytes(StandardCharsets.UTF_8);
        Map<String, String> environment = Map.of("LANG", environmentLanguage.equals("fr") ? "fr_FR.UTF-8" : "en_GB.UTF-8", "EDITOR", "false");
        UserTerminal terminal = new UserTerminal(new ByteArrayInputStream(input), () -> typed.input() == null, environment);
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(typed.args().toArray(String[]::new), terminal, o, e, NOW, environment);
        }
        return new Run(code, out.toString(), err.toString());
    }

    private Setup setUp(String language) throws IOException {
        Path good = Cli.passwordFile(dir, PASSWORD, "rw-------");
        Path exposed = Files.writeString(dir.resolve("exposed-password"), PASSWORD + "\n");
        Files.setPosixFilePermissions(exposed, PosixFilePermissions.fromString("rw-r--r--"));
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "Wr0ng-Pa55word-7\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        int port = greenMail.getImap().getPort();
        String config = write("rebond.yaml", language, port, good, "");
        long interview = oneInterviewToCome();
        Path ics = Files.writeString(dir.resolve("invite.ics"), InspectCommandTest.INVITATION);
        Path aFile = Files.writeString(dir.resolve("a-file.txt"), "not a folder\n");
        return new Setup(language, config, write("unreachable.yaml", language, closedPort(), good, ""),
                write("wrong-password.yaml", language, port, wrong, ""), write("exposed.yaml", language, port, exposed, ""),
                write("missing-secret.yaml", language, port, dir.resolve("no-such-password"), ""),
                write("bad-key.yaml", language, port, good, "prot: 993\npoll_interval: 90"), brokenTemplate(language, port, good),
                Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("rebond.yaml"), Cli.config(dir.resolve("elsewhere"),
                        language, "Europe/Paris", "127.0.0.1", port, "none", good, "")).toString(),
                dir.resolve("absent.yaml").toString(), interview, ics, dir.resolve("network.html"), aFile.resolve("inside"));
    }

    private String write(String name, String language, int port, Path password, String mailboxExtra) throws IOException {
        return Files.writeString(dir.resolve(name), Cli.config(dir, language, "Europe/Paris", "127.0.0.1", port, "none", password,
                mailboxExtra)).toString();
    }

    /** A configuration whose own brief template asks for a value rebond does not give. */
    private String brokenTemplate(String language, int port, Path password) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("my-templates").resolve(language));
        Files.writeString(templates.resolve("brief.ftl"), "Hello\n${no_such_value}\n");
        Path config = Path.of(write("broken-template.yaml", language, port, password, ""));
        Files.writeString(config, "templates:\n  directory: " + templates.getParent() + "\n", java.nio.file.StandardOpenOption.APPEND);
        return config.toString();
    }

    /** Interview #1 with Jane Doe, on 10 March 2030 at 14:00 in Paris, in the database the configurations name. */
    private long oneInterviewToCome() throws IOException {
        Path database = dir.resolve("state").resolve("rebond.db");
        Files.createDirectories(database.getParent());
        try (Database db = Database.open(database)) {
            return new SqlInterviewStore(db, NOW).save(new Interview(0, "iv-1@company.example", "", 0,
                    Instant.parse("2030-02-01T10:00:00Z"), Interview.State.SCHEDULED, START, START.plusSeconds(45 * 60), "Europe/Paris",
                    false, "Information interview with Jane Doe", "", "jane.doe@company.example",
                    new Interview.Person("jane.doe@company.example", "Jane Doe"), null, "title says \"information interview\"",
                    "<invite-1@company.example>")).id();
        }
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
