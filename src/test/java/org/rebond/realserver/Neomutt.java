package org.rebond.realserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Sends a draft as a user of neomutt does (Debian package {@code neomutt}), and captures what it
 * would have handed to the mail transport: {@code neomutt -H draft} without a terminal takes the
 * draft's headers and body, appends what arrives on its standard input (the user's own words), and
 * sends at once through {@code $sendmail}, which here is a script that writes the message to a file.
 * Nothing leaves the machine. neomutt reads no configuration ({@code -n -F /dev/null}, a HOME of its
 * own), and is waited for with a bound, never slept on.
 *
 * <pre>{@code
 * Neomutt.assumeAvailable();
 * Neomutt.Sent sent = Neomutt.send(draftFile, "P.S. my own line\n", workDir);
 * }</pre>
 */
public final class Neomutt {

    private static final Path PROGRAM = Path.of("/usr/bin/neomutt");
    private static final long BOUND_SECONDS = 30;

    private Neomutt() {}

    public static boolean available() {
        return Files.isExecutable(PROGRAM);
    }

    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "neomutt is not installed (apt-get install neomutt; .ci/run does it)");
    }

    /** What neomutt handed to sendmail: the message, and the recipients on the command line. */
    public record Sent(byte[] message, List<String> recipients) {}

    /** Sends {@code draft} (an RFC 5322 file) with {@code typed} appended to its body by the user. */
    public static Sent send(Path draft, String typed, Path workDir) throws IOException, InterruptedException {
        Path home = Files.createDirectories(workDir.resolve("home"));
        Path captured = workDir.resolve("sent.eml");
        Path args = workDir.resolve("sendmail-args.txt");
        Path sendmail = workDir.resolve("capture-sendmail.sh");
        Files.writeString(sendmail, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\ncat > '" + captured + "'\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        Path input = workDir.resolve("typed.txt");
        Files.writeString(input, typed);
        ProcessBuilder pb = new ProcessBuilder(PROGRAM.toString(), "-n", "-F", "/dev/null",
                "-e", "set sendmail=\"" + sendmail + "\"",
                "-e", "set charset=utf-8 send_charset=utf-8 use_from=no",
                "-H", draft.toString())
                .redirectInput(input.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("neomutt.log").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("MAIL");
        pb.environment().remove("EMAIL");
        Process process = pb.start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("neomutt did not finish within " + BOUND_SECONDS + " s");
        }
        String log = Files.readString(workDir.resolve("neomutt.log"), StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !Files.exists(captured)) {
            throw new AssertionError("neomutt did not send the draft (exit " + process.exitValue() + "): " + log);
        }
        return new Sent(Files.readAllBytes(captured), Files.readAllLines(args).stream().filter(a -> !a.isBlank() && !a.equals("--")).toList());
    }
}
