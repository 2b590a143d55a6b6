package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Follows an event rebond saw but did not take, or an interview you had ignored. */
@Command(name = "track", mixinStandardHelpOptions = true)
public final class TrackCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public TrackCommand(Clock clock) {
        super(clock, UserCommand.Kind.TRACK);
    }

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "id")
    String id;

    @Override
    String id() {
        return id;
    }
}
