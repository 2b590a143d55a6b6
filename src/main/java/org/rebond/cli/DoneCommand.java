package org.rebond.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Ends the keeping-you-posted drafts for the contact of an interview. */
@Command(name = "done", mixinStandardHelpOptions = true,
        header = "Stops the keeping-you-posted drafts for a contact.",
        description = {"You are done keeping the contact of interview 7 posted: the updates not yet drafted for them "
                + "are skipped, and 'rebond status' says that you asked. A running rebond applies it within seconds; "
                + "otherwise it is applied now."})
public final class DoneCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public DoneCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "ID", description = "7 for the contact of interview #7")
    String id;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Overrides.run(UserCommand.Kind.DONE, id, config.file(), spec.commandLine().getOut(), clock);
    }
}
