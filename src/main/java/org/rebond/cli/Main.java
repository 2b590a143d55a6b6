package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.rebond.App;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * rebond's command line. Every failure is mapped to one documented exit code (sysexits):
 * 0 ok, 64 usage, 65 bad input data, 69 service unavailable, 70 internal error, 74 I/O, 78 configuration.
 */
@Command(name = "rebond",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {InitCommand.class, RunCommand.class, DemoCommand.class, DoctorCommand.class, StatusCommand.class, InspectCommand.class,
                PreviewCommand.class, TrackCommand.class, IgnoreCommand.class, DoneCommand.class, NotesCommand.class,
                MilestoneCommand.class, ContactCommand.class, NetworkCommand.class, ProgressCommand.class, AllowlistCommand.class, ClassArchiveCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, UserTerminal.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                App.systemClock(), System.getenv()));
    }

    /**
     * Runs a command line and returns its exit code. Every command that reads the time is made with
     * {@code clock}: the system clock from {@link #main}, a clock of their own in tests.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        return execute(args, UserTerminal.system(), out, err, clock);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter, Clock)}, the commands that read the user's input reading {@code terminal}. */
    public static int execute(String[] args, UserTerminal terminal, PrintWriter out, PrintWriter err, Clock clock) {
        return execute(args, terminal, out, err, clock, System.getenv());
    }

    /**
     * As {@link #execute(String[], UserTerminal, PrintWriter, PrintWriter, Clock)} in {@code environment}: the help, the
     * usage errors and the commands speak the language of the profile the command line names, else the environment's
     * ({@link HelpLanguage}); once a command has loaded its configuration, that profile's ({@link SpokenLanguage}).
     */
    public static int execute(String[] args, UserTerminal terminal, PrintWriter out, PrintWriter err, Clock clock,
                              Map<String, String> environment) {
        SpokenLanguage language = new SpokenLanguage(HelpLanguage.of(args, environment));
        CommandLine cli = commandLine(clock, terminal, language);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("rebond: " + ExitCodes.describe(e, language.current()));
            return ExitCodes.of(e);
        });
        cli.setParameterExceptionHandler(new UsageErrors(language.of(HelpLanguage.AREA)));
        return cli.execute(args);
    }

    /** The whole command line, every command made with {@code clock}, its help in English. */
    static CommandLine commandLine(Clock clock) {
        return commandLine(clock, UserTerminal.system());
    }

    static CommandLine commandLine(Clock clock, UserTerminal terminal) {
        return commandLine(clock, terminal, new SpokenLanguage(Locale.ENGLISH));
    }

    /** The whole command line, its help in the language spoken at first (French or English). */
    static CommandLine commandLine(Clock clock, UserTerminal terminal, SpokenLanguage language) {
        CommandLine cli = new CommandLine(new Main(), new ClockedFactory(clock, terminal, language));
        cli.setResourceBundle(HelpLanguage.bundle(language.current()));
        return cli;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v != null) {
                return new String[] {"rebond " + v};
            }
            ResourceBundle help = spec.resourceBundle();
            return new String[] {"rebond " + (help == null ? "(development build)" : help.getString("version.development"))};
        }
    }
}
