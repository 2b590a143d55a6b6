package org.rebond;

import java.io.PrintWriter;
import org.rebond.cli.ClassArchiveCommand;
import org.rebond.cli.DoctorCommand;
import org.rebond.cli.ExitCodes;
import org.rebond.cli.IgnoreCommand;
import org.rebond.cli.InspectCommand;
import org.rebond.cli.PreviewCommand;
import org.rebond.cli.RunCommand;
import org.rebond.cli.StatusCommand;
import org.rebond.cli.TrackCommand;
import org.rebond.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * rebond's command line. Every failure is mapped to one documented exit code (sysexits):
 * 0 ok, 64 usage, 65 bad input data, 69 service unavailable, 74 I/O, 78 configuration.
 */
@Command(name = "rebond",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Prepares, follows up and keeps alive your information interviews, from your own mailbox.",
                "rebond never sends mail: briefs arrive in your INBOX, drafts in your Drafts folder."},
        subcommands = {RunCommand.class, DemoCommand.class, DoctorCommand.class, StatusCommand.class, InspectCommand.class,
                PreviewCommand.class, TrackCommand.class, IgnoreCommand.class, ClassArchiveCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:all went well",
                "64:the command line is wrong (usage)",
                "65:an input file or message could not be read (data)",
                "69:the mailbox or a server could not be reached (unavailable)",
                "74:a file or the database could not be read or written (I/O)",
                "78:the configuration is wrong or a secret is missing (config)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code (tests call this rather than {@link #main}). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
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

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rebond " + (v == null ? "(development build)" : v)};
        }
    }
}
