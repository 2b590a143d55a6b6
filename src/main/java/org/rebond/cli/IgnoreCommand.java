package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Stops following an interview, or keeps an event seen but not taken from ever being detected. */
@Command(name = "ignore", mixinStandardHelpOptions = true)
public final class IgnoreCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public IgnoreCommand(Clock clock) {
        super(clock, UserCommand.Kind.IGNORE);
    }

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
    String id;

    @Override
    String id() {
        return id;
    }
}
