package org.rebond.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.SystemdUnit;

/**
 * The daemon's log as journald and a terminal receive it: the packaged jar started with the system
 * unit's JVM flags, its mailbox on a loopback port where nothing listens, so that it logs its start
 * (information) and then its failed connections (warnings).
 */
class JournalLogIT {

    private static final Path JAR = Path.of("target", "rebond.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void underSystemdTheJournalGetsEachLinesPriorityAndNoTime() throws Exception {
        Path log = start("8:424242");

        String lines = awaitAWarning(log);

        assertThat(lines).containsPattern("(?m)^<6>App: rebond started for camille@example.org");
        assertThat(lines).containsPattern("(?m)^<4>MailboxWatcher: cannot connect to 127\\.0\\.0\\.1:\\d+ \\(imap\\)");
        assertThat(lines.split("\\R")).allSatisfy(line -> assertThat(line).matches("<[3467]>\\w+: .*"));
    }

    @Test
    void elsewhereEachLineStartsWithTheTimeAndTheLevel() throws Exception {
        Path log = start(null);

        String lines = awaitAWarning(log);

        assertThat(lines).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  App: rebond started for camille@example.org");
        assertThat(lines).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d WARN  MailboxWatcher: cannot connect to 127\\.0\\.0\\.1:\\d+ \\(imap\\)");
        assertThat(lines).doesNotContain("<4>").doesNotContain("<6>");
    }

    private String awaitAWarning(Path log) throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive() || read(log).contains("MailboxWatcher: cannot connect"));
        assertThat(process.isAlive()).as("rebond run still running; it wrote:%n%s", read(log)).isTrue();
        return read(log);
    }

    /** Starts {@code rebond run} from the jar with the unit's flags; {@code journalStream} null: not under systemd. */
    private Path start(String journalStream) throws IOException {
        Path password = Files.writeString(dir.resolve("imap-password"), "secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path config = Files.writeString(dir.resolve("rebond.yaml"), String.join("\n",
                "profile:",
                "  name: Camille Martin",
                "  addresses: [camille@example.org]",
                "  language: en",
                "  time_zone: Europe/Paris",
                "mailbox:",
                "  host: 127.0.0.1",
                "  port: " + aClosedPort(),
                "  security: none",
                "  allow_plaintext_on_loopback: true",
                "  username: camille",
                "  password_file: " + password,
                "storage:",
                "  database: " + dir.resolve("rebond.db"),
                ""));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service")));
        command.addAll(List.of("-jar", JAR.toString(), "run", "--config", config.toString()));
        Path log = dir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JOURNAL_STREAM");
        builder.environment().remove("REBOND_LOG_LEVEL");
        if (journalStream != null) {
            builder.environment().put("JOURNAL_STREAM", journalStream);
        }
        process = builder.start();
        return log;
    }

    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
