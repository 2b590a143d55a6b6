package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.i18n.LanguageCheck;

/** {@code rebond init} as a new user meets it, against a real IMAP server (GreenMail on loopback). */
class InitCommandTest {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String PASSWORD = "c0rrect-Horse-9";

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private Path config;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        greenMail.setUser(EMAIL, EMAIL, PASSWORD);
        config = dir.resolve("conf").resolve("rebond.yaml");
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    /** Every answer as a flag, for the GreenMail server, in {@code language}. */
    private List<String> flags(String language, String... more) {
        List<String> args = new ArrayList<>(List.of("init", "--non-interactive", "--language", language,
                "--name", "Camille Martin", "--address", EMAIL, "--address", "c.martin@example.net", "--time-zone", "Europe/Paris",
                "--objective", "product manager in digital health", "--pitch", "Eight years of hospital projects",
                "--imap-host", "127.0.0.1", "--imap-port", String.valueOf(greenMail.getImap().getPort()), "--imap-security", "none",
                "--config", config.toString(), "--database", dir.resolve("state").resolve("rebond.db").toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void anEnglishUserGivingEveryAnswerAsAFlagGetsPrivateFilesThatLoadAndACheckThatPasses() throws Exception {
        Cli.Result result = Cli.withInput(PASSWORD + "\n", flags("en", "--password-stdin").toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isZero();
        Path passwordFile = config.resolveSibling("imap-password");
        assertThat(result.out()).contains("Configuration written to " + config + " (readable by you only)")
                .contains("Password written to " + passwordFile)
                .contains("ok   connected to 127.0.0.1:" + greenMail.getImap().getPort() + " as " + EMAIL)
                .contains("All good: rebond can run with this configuration.")
                .contains("systemctl --user enable --now rebond").contains("rebond run --config " + config);
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(mode(config)).isEqualTo("rw-------");
        assertThat(mode(passwordFile)).isEqualTo("rw-------");
        assertThat(mode(config.getParent())).isEqualTo("rwx------");
        assertThat(Files.readString(passwordFile)).isEqualTo(PASSWORD + "\n");
        assertThat(Files.readString(config)).doesNotContain(PASSWORD).contains("# The addresses you write from");

        RebondConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.profile().name()).isEqualTo("Camille Martin");
        assertThat(loaded.profile().addresses()).containsExactly(EMAIL, "c.martin@example.net");
        assertThat(loaded.profile().language()).isEqualTo(Locale.ENGLISH);
        assertThat(loaded.profile().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(loaded.profile().objective()).isEqualTo("product manager in digital health");
        assertThat(loaded.profile().pitch()).isEqualTo("Eight years of hospital projects");
        assertThat(loaded.mailbox().username()).isEqualTo(EMAIL);
        assertThat(loaded.mailbox().password().file()).isEqualTo(passwordFile);
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aFrenchUserReadsEveryLineInFrenchAndTheConfigurationSpeaksFrenchToo() throws Exception {
        Cli.Result result = Cli.withInput(PASSWORD + "\n", flags("fr", "--password-stdin").toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Configuration écrite dans " + config + " (lisible par vous seul).")
                .contains("Tout est en ordre").contains("rebond est prêt.");
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.FRENCH)).isEmpty();
        String written = Files.readString(config);
        assertThat(written).contains("# Les adresses d'où vous écrivez");
        assertThat(LanguageCheck.linesInTheOtherLanguage(written, Locale.FRENCH)).isEmpty();
        assertThat(new ConfigLoader().load(config).profile().language()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aServerThatDoesNotAnswerLeavesTheFilesWrittenSaysWhatToFixAndExitsWithDoctorsCode() throws Exception {
        int port = greenMail.getImap().getPort();
        List<String> args = flags("fr", "--password-stdin");
        greenMail.stop();

        Cli.Result result = Cli.withInput(PASSWORD + "\n", args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(config).isRegularFile();
        assertThat(config.resolveSibling("imap-password")).isRegularFile();
        assertThat(result.out()).contains("Le serveur 127.0.0.1 n'a pas répondu sur le port " + port)
                .contains("rebond doctor --config " + config);
        // The FAIL line quotes the mail library's own words; everything rebond says around it is French.
        String ours = String.join("\n", result.out().lines().filter(l -> !l.startsWith("FAIL ")).toList());
        assertThat(LanguageCheck.linesInTheOtherLanguage(ours, Locale.FRENCH)).isEmpty();
    }

    @Test
    void missingAnswersWithoutATerminalExit64NamingTheirFlagsAndWriteNothing() {
        Cli.Result result = Cli.run("init", "--non-interactive", "--language", "en", "--time-zone", "Europe/Paris", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--name").contains("--address").contains("--provider / --imap-host").contains("--password-stdin");
        assertThat(config.getParent()).doesNotExist();
    }

    @Test
    void anExistingConfigurationIsKeptUnlessForceIsGiven() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "profile: {name: Old}\n");

        Cli.Result refused = Cli.withInput(PASSWORD + "\n", flags("en", "--password-stdin").toArray(String[]::new));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("There is already a configuration at " + config).contains("--force");
        assertThat(Files.readString(config)).isEqualTo("profile: {name: Old}\n");

        Cli.Result forced = Cli.withInput(PASSWORD + "\n", flags("en", "--password-stdin", "--force").toArray(String[]::new));
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(new ConfigLoader().load(config).profile().name()).isEqualTo("Camille Martin");
    }

    @Test
    void aSystemdCredentialIsWrittenWhereTheUserUnitReadsItAndCheckedFromThere() throws Exception {
        Cli.Result result = Cli.withInput(PASSWORD + "\n", flags("en", "--credential", "--password-stdin").toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isZero();
        RebondConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.mailbox().password().credential()).isEqualTo("imap-password");
        assertThat(mode(config.resolveSibling("imap-password"))).isEqualTo("rw-------");
        assertThat(result.out()).contains("LoadCredentialEncrypted=").contains("All good");
    }

    @Test
    void aPasswordCommandIsWrittenAsAListAndRunByTheCheck() throws Exception {
        Path secret = Cli.passwordFile(dir, PASSWORD, "rw-------");

        Cli.Result result = Cli.run(flags("en", "--password-command", "cat " + secret).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(new ConfigLoader().load(config).mailbox().password().command()).containsExactly("cat", secret.toString());
        assertThat(config.resolveSibling("imap-password")).doesNotExist();
    }

    @Test
    void aKnownProviderIsGuessedFromTheAddressWithItsOwnWayOfNamingTheUser() throws Exception {
        Cli.Result result = Cli.withInput(PASSWORD + "\n", "init", "--non-interactive", "--language", "en", "--name", "Camille Martin",
                "--address", "camille.martin@icloud.com", "--password-stdin", "--no-check", "--config", config.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        RebondConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.mailbox().host()).isEqualTo("imap.mail.me.com");
        assertThat(loaded.mailbox().port()).isEqualTo(993);
        assertThat(loaded.mailbox().security()).isEqualTo(RebondConfig.Security.TLS);
        assertThat(loaded.mailbox().username()).isEqualTo("camille.martin");
        assertThat(result.out()).contains("app password").contains("rebond doctor --config " + config);
    }

    @Test
    void questionsTypedInATerminalAreAskedInTheChosenLanguageAndAskedAgainWhenAnAnswerDoesNotFit() throws Exception {
        String typed = String.join("\n", "fr", "Camille Martin", "camille.martin@example", EMAIL, "", "Europe/Pari", "Europe/Paris",
                "devenir product manager", "", "0", "127.0.0.1", "none", String.valueOf(greenMail.getImap().getPort()), "", "1", PASSWORD, "");

        Cli.Result result = Cli.typed(typed, Map.of("LANG", "en_GB.UTF-8"), "init", "--config", config.toString(),
                "--database", dir.resolve("state").resolve("rebond.db").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Language / langue (en, fr) [en]: ")
                .contains("Votre nom, tel qu'il apparaît dans vos messages : ")
                .contains("« camille.martin@example » n'est pas une adresse électronique")
                .contains("« Europe/Pari » n'est pas un nom de fuseau horaire")
                .contains("Mot de passe (invisible pendant la frappe) : ")
                .contains("Tout est en ordre");
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(LanguageCheck.linesInTheOtherLanguage(result.out(), Locale.FRENCH)).isEmpty();
        RebondConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.profile().addresses()).containsExactly(EMAIL);
        assertThat(loaded.profile().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(loaded.profile().objective()).isEqualTo("devenir product manager");
        assertThat(loaded.profile().pitch()).isEmpty();
        assertThat(Files.readString(config.resolveSibling("imap-password"))).isEqualTo(PASSWORD + "\n");
    }

    @Test
    void aServerWrittenAsAnAddressOrPlainTextToAnotherMachineIsRefusedBeforeAnythingIsWritten() {
        Cli.Result url = Cli.withInput(PASSWORD + "\n", "init", "--non-interactive", "--language", "fr", "--name", "Camille Martin",
                "--address", EMAIL, "--imap-host", "https://imap.example.org:993", "--password-stdin", "--config", config.toString());
        Cli.Result plain = Cli.withInput(PASSWORD + "\n", "init", "--non-interactive", "--language", "en", "--name", "Camille Martin",
                "--address", EMAIL, "--imap-host", "imap.example.org", "--imap-security", "none", "--password-stdin", "--config", config.toString());

        assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("--imap-host : « https://imap.example.org:993 » n'est pas un nom de serveur");
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plain.err()).contains("--imap-security: none (no encryption) is only allowed on this computer");
        assertThat(config.getParent()).doesNotExist();
    }

    @Test
    void twoWaysOfKeepingThePasswordAtOnceAreAUsageError() {
        Cli.Result result = Cli.run(flags("en", "--password-command", "pass show mail/imap", "--credential").toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("give only one");
        assertThat(config.getParent()).doesNotExist();
    }
}
