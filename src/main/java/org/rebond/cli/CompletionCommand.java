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
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Prints the shell completion script for bash and zsh.",
        description = {"Prints a script that completes rebond's commands and options when you press Tab, in bash and in zsh. "
                + "Load it in your shell's start-up file, or install it once for every user; it is made from the same "
                + "definitions as this help, so it knows every command."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(rebond completion)                                   # in ~/.bashrc or ~/.zshrc",
                "  rebond completion | sudo tee /etc/bash_completion.d/rebond     # for every user"})
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
