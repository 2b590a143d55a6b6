package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Stops following an interview, or keeps an event seen but not taken from ever being detected. */
@Command(name = "ignore", mixinStandardHelpOptions = true,
        header = "Stops following an interview and drops its pending actions.",
        description = {"Stops following interview 7: its pending actions are removed and later updates of the invitation do "
                + "not bring it back. For an event seen but not taken (e3), rebond will never take it, even when it is "
                + "updated. A running rebond applies it within seconds; otherwise it is applied now."})
public final class IgnoreCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public IgnoreCommand(Clock clock) {
        super(clock, UserCommand.Kind.IGNORE);
    }

    @Parameters(index = "0", paramLabel = "ID", description = "7 for interview #7, or e3 for an event seen but not taken")
    String id;

    @Override
    String id() {
        return id;
    }
}
