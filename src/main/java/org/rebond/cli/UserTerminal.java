package org.rebond.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a command may read from the user besides its arguments: standard input, whether that input is
 * a terminal (someone typing) rather than a pipe or a file, and the environment ({@code VISUAL},
 * {@code EDITOR}). {@link #system()} is the process's own; tests give theirs.
 *
 * <p>Questions ({@link #ask}, {@link #askSecret}) go through the process's {@link Console} when it
 * has one and this terminal reads the process's own standard input, so that a secret is typed
 * without echo; otherwise they read {@link #in()} one line at a time, without reading ahead.
 */
public record UserTerminal(InputStream in, BooleanSupplier interactive, Map<String, String> environment) {

    public UserTerminal {
        environment = Map.copyOf(environment);
    }

    /** The process's standard input and environment. */
    public static UserTerminal system() {
        return new UserTerminal(System.in, UserTerminal::standardInputIsATerminal, System.getenv());
    }

    /** Prints {@code prompt} and reads one line, without its end; null at the end of the input. */
    public String ask(PrintWriter out, String prompt) {
        Console console = console();
        if (console != null) {
            out.flush();
            return console.readLine("%s", prompt);
        }
        out.print(prompt);
        out.flush();
        byte[] line = readLineBytes();
        if (line == null) {
            return null;
        }
        return new String(line, StandardCharsets.UTF_8);
    }

    /**
     * Prints {@code prompt} and reads a secret without echoing it (through the console); the
     * caller wipes the array. Null at the end of the input.
     */
    public char[] askSecret(PrintWriter out, String prompt) {
        Console console = console();
        if (console != null) {
            out.flush();
            return console.readPassword("%s", prompt);
        }
        out.print(prompt);
        out.flush();
        return secretLine();
    }

    /** One line of {@link #in()} as a secret, never through the console (for {@code --password-stdin}); null at the end. */
    public char[] secretLine() {
        byte[] line = readLineBytes();
        return line == null ? null : decodeWiping(line);
    }

    private static char[] decodeWiping(byte[] line) {
        try {
            var chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(line));
            char[] secret = new char[chars.remaining()];
            chars.get(secret);
            Arrays.fill(chars.array(), '\0');
            return secret;
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    /** The console, when the user types on the process's own terminal. */
    private Console console() {
        return in == System.in ? System.console() : null;
    }

    /** One line of {@link #in()}, byte by byte so that nothing after it is consumed; null at the end. */
    private byte[] readLineBytes() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
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
