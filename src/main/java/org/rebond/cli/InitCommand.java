package org.rebond.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.rebond.App;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretReader;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rebond init}: sets rebond up for someone who has never seen its configuration. It asks
 * (or takes from flags) who they are, what they aim at and how to reach their mailbox, writes
 * the configuration and the password, both readable by them alone, then checks the whole as
 * {@code rebond doctor} does and says what to run next.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Sets rebond up: a few questions, the configuration, a check.",
        description = {"Asks your name, your addresses, your time zone, the job you aim at, a short pitch, your mail provider "
                + "(or IMAP server), your user name and how to keep your password; writes the configuration (mode 0600) and "
                + "the password file; then checks everything as 'rebond doctor' does. Every question has a flag; with "
                + "--non-interactive nothing is asked and a missing answer ends with exit code 64, naming its flags.",
                "Providers: " + "gmail, outlook, yahoo, icloud, fastmail, proton, orange, free, sfr, laposte, ovh, infomaniak, gmx, gmx.net."})
public final class InitCommand implements Callable<Integer> {

    private final Clock clock;
    private final UserTerminal terminal;

    /** Made by {@link Main}'s factory with the process's clock (the date in the file) and terminal (the questions). */
    public InitCommand(Clock clock, UserTerminal terminal) {
        this.clock = clock;
        this.terminal = terminal;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "where to write the configuration (default: ~/.config/rebond/rebond.yaml)")
    Path config;
    @Option(names = "--force", description = "replace a configuration or password file that is already there")
    boolean force;
    @Option(names = "--non-interactive", description = "ask nothing: every answer comes from the flags")
    boolean nonInteractive;
    @Option(names = "--no-check", description = "write the files without checking the mailbox")
    boolean noCheck;
    @Option(names = "--language", paramLabel = "en|fr", description = "the language of rebond's messages to you")
    String language;
    @Option(names = "--name", description = "your name, as in your messages")
    String name;
    @Option(names = "--address", paramLabel = "ADDRESS", description = "an address you write from; repeat it for each (the first is the main one)")
    List<String> addresses;
    @Option(names = "--time-zone", paramLabel = "ZONE", description = "your time zone, e.g. Europe/Paris (default: the system's)")
    String timeZone;
    @Option(names = "--objective", paramLabel = "TEXT", description = "the job you aim at, in one sentence")
    String objective;
    @Option(names = "--pitch", paramLabel = "TEXT", description = "a few words about yourself")
    String pitch;
    @Option(names = "--provider", paramLabel = "NAME", description = "your mail provider, by name or number (see docs/setup.md); guessed from the address when known")
    String provider;
    @Option(names = "--imap-host", paramLabel = "HOST", description = "the IMAP server, when it is not a known provider's")
    String imapHost;
    @Option(names = "--imap-port", paramLabel = "PORT", description = "its port (default: 993 with tls, 143 otherwise)")
    Integer imapPort;
    @Option(names = "--imap-security", paramLabel = "tls|starttls|none", description = "its encryption (default: tls)")
    String imapSecurity;
    @Option(names = "--username", description = "the login name (default: your address, or what your provider uses)")
    String username;
    @Option(names = "--password-file", paramLabel = "FILE", description = "the file holding your password (0600); written there with --password-stdin")
    Path passwordFile;
    @Option(names = "--password-stdin", description = "read the password from the first line of standard input and write it to the password file")
    boolean passwordStdin;
    @Option(names = "--password-command", paramLabel = "COMMAND", description = "a command printing the password, e.g. 'pass show mail/imap'")
    String passwordCommand;
    @Option(names = "--credential", arity = "0..1", fallbackValue = "imap-password", paramLabel = "NAME",
            description = "keep the password as the systemd credential NAME (default imap-password) for the service")
    String credential;
    @Option(names = "--token-command", paramLabel = "COMMAND", description = "a command printing an OAuth2 access token (Microsoft, Gmail), e.g. 'oama access you@gmail.com'")
    String tokenCommand;
    @Option(names = "--ca-file", paramLabel = "FILE", description = "a PEM file of the server's certificate authority (Proton Bridge's exported certificate)")
    Path caFile;
    @Option(names = "--database", paramLabel = "FILE", description = "where rebond keeps its state (default: ~/.local/state/rebond/rebond.db)")
    Path database;

    /** How the flags say the password is kept, or null when none says; two ways at once is a usage error. */
    SetupAnswers.Keeping keeping(Messages m) {
        List<SetupAnswers.Keeping> said = new java.util.ArrayList<>();
        if (tokenCommand != null) said.add(SetupAnswers.Keeping.OAUTH2);
        if (passwordCommand != null) said.add(SetupAnswers.Keeping.COMMAND);
        if (credential != null) said.add(SetupAnswers.Keeping.CREDENTIAL);
        if (said.size() > 1 || (!said.isEmpty() && (passwordFile != null || (passwordStdin && said.get(0) != SetupAnswers.Keeping.CREDENTIAL)))) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, m.get("conflict"));
        }
        if (!said.isEmpty()) return said.get(0);
        return passwordFile != null || passwordStdin ? SetupAnswers.Keeping.FILE : null;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean asking = !nonInteractive && terminal.interactive().getAsBoolean();
        InitQuestions questions = new InitQuestions(this, terminal, out, asking);
        Messages m = questions.language();
        keeping(m);
        Path file = (config != null ? config : defaultConfig()).toAbsolutePath().normalize();
        if (Files.exists(file) && !force) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, m.get("exists", file));
        }
        SetupAnswers answers = questions.ask(file.getParent());
        SetupAnswers.PasswordPlan password = answers.password();
        String yaml = SetupFile.yaml(answers, m, clock.instant().atZone(answers.zone()).toLocalDate());
        try {
            SetupFile.check(yaml, file.getFileName().toString());
        } catch (RuntimeException | IOException e) {
            if (password.secret() != null) Arrays.fill(password.secret(), '\0');
            throw e;
        }
        if (password.secret() != null) {
            SecretFile.write(password.file(), password.secret());
        }
        SetupFile.write(file, yaml);
        if (asking) out.println();
        out.println(m.get("written.config", file));
        if (password.secret() != null) out.println(m.get("written.password", password.file()));
        if (password.keeping() == SetupAnswers.Keeping.CREDENTIAL) out.println(m.get("credential.howto", password.credential(), password.file()));
        RebondConfig loaded = new ConfigLoader().load(file);
        String next = m.get("next", file);
        if (noCheck) {
            out.println(m.get("unchecked", file));
            out.println(next);
            return ExitCodes.OK;
        }
        out.println(m.get("checking"));
        int code = new DoctorCommand(clock).check(loaded, out, secret(loaded, password));
        if (code == ExitCodes.OK) {
            out.println(next);
        } else {
            RebondConfig.Mailbox mailbox = loaded.mailbox();
            if (code == ExitCodes.UNAVAILABLE) out.println(m.get("fix.unreachable", mailbox.host(), mailbox.port()));
            if (code == ExitCodes.CONFIG) out.println(m.get("fix.refused", mailbox.username()));
            out.println(m.get("fix", file));
        }
        return code;
    }

    /** The password as doctor reads it; a credential is read from the file systemd will hand over. */
    private Supplier<String> secret(RebondConfig loaded, SetupAnswers.PasswordPlan password) {
        if (password.keeping() != SetupAnswers.Keeping.CREDENTIAL) {
            return App.passwordOf(loaded.mailbox());
        }
        String folder = password.file().getParent().toString();
        return App.passwordOf(loaded.mailbox(), new SecretReader(
                n -> n.equals("CREDENTIALS_DIRECTORY") ? folder : System.getenv(n), SecretReader.DEFAULT_COMMAND_TIMEOUT));
    }

    private Path defaultConfig() {
        String xdg = terminal.environment().get("XDG_CONFIG_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("rebond").resolve("rebond.yaml");
    }
}
