package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Ends the keeping-you-posted drafts for the contact of an interview. */
@Command(name = "done", mixinStandardHelpOptions = true)
public final class DoneCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public DoneCommand(Clock clock) {
        super(clock, UserCommand.Kind.DONE);
    }

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
    String id;

    @Override
    String id() {
        return id;
    }
}
