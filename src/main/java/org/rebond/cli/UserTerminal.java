package org.rebond.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a command may read from the user besides its arguments: standard input, whether that input is
 * a terminal (someone typing) rather than a pipe or a file, and the environment ({@code VISUAL},
 * {@code EDITOR}). {@link #system()} is the process's own; tests give theirs.
 */
public record UserTerminal(InputStream in, BooleanSupplier interactive, Map<String, String> environment) {

    public UserTerminal {
        environment = Map.copyOf(environment);
    }

    /** The process's standard input and environment. */
    public static UserTerminal system() {
        return new UserTerminal(System.in, UserTerminal::standardInputIsATerminal, System.getenv());
    }

    /**
     * Whether standard input is a terminal, asked of {@code test -t 0} with the same standard input
     * ({@link System#console()} also wants standard output to be one, so it would read
     * {@code rebond notes 3 > out.txt} as a pipe and wait on the keyboard).
     */
    private static boolean standardInputIsATerminal() {
        try {
            Process test = new ProcessBuilder("/bin/sh", "-c", "test -t 0").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return System.console() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.console() != null;
        }
    }
}
