package org.rebond.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Stops following an interview, or keeps an event seen but not taken from ever being detected. */
@Command(name = "ignore", mixinStandardHelpOptions = true,
        header = "Stops following an interview and drops its pending actions.",
        description = {"Stops following interview 7: its pending actions are removed and later updates of the invitation do "
                + "not bring it back. For an event seen but not taken (e3), rebond will never take it, even when it is "
                + "updated. A running rebond applies it within seconds; otherwise it is applied now."})
public final class IgnoreCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public IgnoreCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "ID", description = "7 for interview #7, or e3 for an event seen but not taken")
    String id;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Overrides.run(UserCommand.Kind.IGNORE, id, config.file(), spec.commandLine().getOut(), clock);
    }
}
