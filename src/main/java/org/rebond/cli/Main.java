package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
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
        description = {"Prepares, follows up and keeps alive your information interviews, from your own mailbox.",
                "rebond never sends mail: briefs arrive in your INBOX, drafts in your Drafts folder."},
        subcommands = {RunCommand.class, DemoCommand.class, DoctorCommand.class, StatusCommand.class, InspectCommand.class,
                PreviewCommand.class, TrackCommand.class, IgnoreCommand.class, DoneCommand.class, NotesCommand.class,
                MilestoneCommand.class, ContactCommand.class, NetworkCommand.class, AllowlistCommand.class, ClassArchiveCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:all went well",
                "64:the command line is wrong (usage)",
                "65:an input file or message could not be read, an interview number is unknown, or notes hold nothing to record (data)",
                "69:the mailbox or a server could not be reached (unavailable)",
                "70:an unexpected internal error; the message says what failed (software)",
                "74:a file or the database could not be read or written (I/O)",
                "78:the configuration is wrong, or a secret is missing or refused by the server (config)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, UserTerminal.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                App.systemClock()));
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
        CommandLine cli = commandLine(clock, terminal);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("rebond: " + ExitCodes.describe(e));
            return ExitCodes.of(e);
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("rebond: " + e.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for how to use it.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    /** The whole command line, every command made with {@code clock}. */
    static CommandLine commandLine(Clock clock) {
        return commandLine(clock, UserTerminal.system());
    }

    static CommandLine commandLine(Clock clock, UserTerminal terminal) {
        return new CommandLine(new Main(), new ClockedFactory(clock, terminal));
    }

    /** Makes the commands that take the clock (and the user's terminal) with them, and every other class picocli needs as usual. */
    private record ClockedFactory(Clock clock, UserTerminal terminal) implements CommandLine.IFactory {

        /** For tools that build the command line from its classes alone: picocli's man page generator, at build time (pom.xml, profile deb). */
        private ClockedFactory() {
            this(App.systemClock(), UserTerminal.system());
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getConstructor(Clock.class, UserTerminal.class).newInstance(clock, terminal);
            } catch (NoSuchMethodException noTerminal) {
                try {
                    return type.getConstructor(Clock.class).newInstance(clock);
                } catch (NoSuchMethodException noClock) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rebond " + (v == null ? "(development build)" : v)};
        }
    }
}
