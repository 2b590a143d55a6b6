package org.rebond.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.rebond.domain.UserCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that asks for one change to an interview or an event ({@code track}, {@code ignore},
 * {@code done}): the request goes through the queue to the process holding the instance lock
 * ({@link Overrides}). Each subclass names the command, its help and its ID parameter.
 */
abstract class QueuedRequestCommand implements Callable<Integer> {

    private final Clock clock;
    private final UserCommand.Kind kind;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    QueuedRequestCommand(Clock clock, UserCommand.Kind kind) {
        this.clock = clock;
        this.kind = kind;
    }

    /** The ID as typed: {@code 7}, {@code e3}. */
    abstract String id();

    @Override
    public Integer call() {
        return Overrides.run(kind, id(), config, spec.commandLine().getOut(), clock);
    }
}
