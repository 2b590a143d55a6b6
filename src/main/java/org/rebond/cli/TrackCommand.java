package org.rebond.cli;

import java.time.Clock;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Follows an event rebond saw but did not take, or an interview you had ignored. */
@Command(name = "track", mixinStandardHelpOptions = true,
        header = "Follows an event or interview that rebond is not following.",
        description = {"Follows an event rebond saw but did not take as an information interview (e3, as 'rebond status' "
                + "lists it), or an interview you had ignored (7). Its brief, debrief prompt and drafts are planned as "
                + "for any interview. A running rebond applies it within seconds; otherwise it is applied now and "
                + "planned when rebond starts."})
public final class TrackCommand extends QueuedRequestCommand {

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public TrackCommand(Clock clock) {
        super(clock, UserCommand.Kind.TRACK);
    }

    @Parameters(index = "0", paramLabel = "ID", description = "e3 for an event seen but not taken, or 7 for interview #7")
    String id;

    @Override
    String id() {
        return id;
    }
}
