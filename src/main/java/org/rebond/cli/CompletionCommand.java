package org.rebond.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints the script that completes rebond's commands and options in bash and zsh, made by
 * picocli from the same definitions as the help, so that it never lags behind a new command.
 */
@Command(name = "completion", mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("rebond", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
