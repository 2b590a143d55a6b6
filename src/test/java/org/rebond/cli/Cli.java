package org.rebond.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs rebond's command line in-process, the way {@code main} does, and keeps what it printed. */
final class Cli {

    /** What one command line gave: its exit code, standard output and standard error. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return runAt(Clock.systemUTC(), args);
    }

    /** The same at a given time, for output that says "today" or "tomorrow". */
    static Result runAt(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(args, o, e, clock);
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command line in a process whose environment is {@code environment} (LANG, LC_ALL…), which chooses the help's language. */
    static Result inEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(args, UserTerminal.system(), o, e, Clock.systemUTC(), environment);
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command line with {@code input} piped to its standard input (not a terminal). */
    static Result withInput(String input, String... args) {
        return inTerminal(new UserTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), () -> false, Map.of()), args);
    }

    /** Runs a command line as typed in a terminal whose environment is {@code environment} (EDITOR, VISUAL). */
    static Result inTerminal(Map<String, String> environment, String... args) {
        return inTerminal(new UserTerminal(new ByteArrayInputStream(new byte[0]), () -> true, environment), args);
    }

    /** Runs a command line in a terminal where the user types {@code typed} (questions are answered from it). */
    static Result typed(String typed, Map<String, String> environment, String... args) {
        return inTerminal(new UserTerminal(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), () -> true, environment), args);
    }

    private static Result inTerminal(UserTerminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(args, terminal, o, e, Clock.systemUTC());
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a password file with the given mode, e.g. {@code rw-------}. */
    static Path passwordFile(Path dir, String password, String mode) throws IOException {
        Path file = dir.resolve("imap-password");
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    /** A complete configuration for a mailbox on {@code host:port}, with the state in {@code dir}. */
    static String config(Path dir, String language, String zone, String host, int port, String security, Path passwordFile,
                         String mailboxExtra) {
        return """
                profile:
                  name: Camille Martin
                  addresses: [camille.martin@example.org]
                  language: %s
                  time_zone: %s
                  objective: become a product manager in digital health
                mailbox:
                  host: %s
                  port: %d
                  security: %s
                  allow_plaintext_on_loopback: %s
                  username: camille.martin@example.org
                  password_file: %s
                  connect_timeout: 5s
                  read_timeout: 10s
                  write_timeout: 10s
                %s
                storage:
                  database: %s
                """.formatted(language, zone, host, port, security, security.equals("none"), passwordFile,
                mailboxExtra.isEmpty() ? "" : mailboxExtra.indent(2).stripTrailing(), dir.resolve("state").resolve("rebond.db"));
    }
}
