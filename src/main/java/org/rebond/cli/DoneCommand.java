package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Ends the keeping-you-posted drafts for the contact of an interview. */
@Command(name = "done", mixinStandardHelpOptions = true,
        header = "Stops the keeping-you-posted drafts for a contact.",
        description = {"You are done keeping the contact of interview 7 posted: the updates not yet drafted for them "
                + "are skipped, and 'rebond status' says that you asked. A running rebond applies it within seconds; "
                + "otherwise it is applied now."})
public final class DoneCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public DoneCommand(Clock clock) {
        super(clock, UserCommand.Kind.DONE);
    }

    @Parameters(index = "0", paramLabel = "ID", description = "7 for the contact of interview #7")
    String id;

    @Override
    String id() {
        return id;
    }
}
