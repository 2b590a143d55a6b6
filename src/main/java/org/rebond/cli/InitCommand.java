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
@Command(name = "init", mixinStandardHelpOptions = true)
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

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", descriptionKey = "config")
    Path config;
    @Option(names = "--force", descriptionKey = "force")
    boolean force;
    @Option(names = "--non-interactive", descriptionKey = "non-interactive")
    boolean nonInteractive;
    @Option(names = "--no-check", descriptionKey = "no-check")
    boolean noCheck;
    @Option(names = "--language", paramLabel = "en|fr", descriptionKey = "language")
    String language;
    @Option(names = "--name", descriptionKey = "name")
    String name;
    @Option(names = "--address", paramLabel = "ADDRESS", descriptionKey = "address")
    List<String> addresses;
    @Option(names = "--time-zone", paramLabel = "ZONE", descriptionKey = "time-zone")
    String timeZone;
    @Option(names = "--objective", paramLabel = "TEXT", descriptionKey = "objective")
    String objective;
    @Option(names = "--pitch", paramLabel = "TEXT", descriptionKey = "pitch")
    String pitch;
    @Option(names = "--provider", paramLabel = "NAME", descriptionKey = "provider")
    String provider;
    @Option(names = "--imap-host", paramLabel = "HOST", descriptionKey = "imap-host")
    String imapHost;
    @Option(names = "--imap-port", paramLabel = "PORT", descriptionKey = "imap-port")
    Integer imapPort;
    @Option(names = "--imap-security", paramLabel = "tls|starttls|none", descriptionKey = "imap-security")
    String imapSecurity;
    @Option(names = "--username", descriptionKey = "username")
    String username;
    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "password-file")
    Path passwordFile;
    @Option(names = "--password-stdin", descriptionKey = "password-stdin")
    boolean passwordStdin;
    @Option(names = "--password-command", paramLabel = "COMMAND", descriptionKey = "password-command")
    String passwordCommand;
    @Option(names = "--credential", arity = "0..1", fallbackValue = "imap-password", paramLabel = "NAME", descriptionKey = "credential")
    String credential;
    @Option(names = "--token-command", paramLabel = "COMMAND", descriptionKey = "token-command")
    String tokenCommand;
    @Option(names = "--ca-file", paramLabel = "FILE", descriptionKey = "ca-file")
    Path caFile;
    @Option(names = "--database", paramLabel = "FILE", descriptionKey = "database")
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
        boolean forTheService = ServiceGroup.share(file, ServiceGroup.NAME);
        if (asking) out.println();
        out.println(m.get(forTheService ? "written.config.service" : "written.config", file, ServiceGroup.NAME));
        if (password.secret() != null) out.println(m.get("written.password", password.file()));
        if (password.keeping() == SetupAnswers.Keeping.CREDENTIAL) {
            out.println(m.get(forTheService ? "credential.howto.service" : "credential.howto", password.credential(), password.file()));
        }
        RebondConfig loaded = new ConfigLoader().load(file);
        String next = m.get(forTheService ? "next.service" : "next", file);
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
