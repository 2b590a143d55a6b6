package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.cli.Main;

/** {@code rebond run} as the service manager sees it: a process that starts, logs, and stops cleanly on SIGTERM. */
class RunCommandIT {

    @TempDir
    Path dir;

    private final TestMailbox mailbox = new TestMailbox(true);
    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        mailbox.close();
    }

    private Process run(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "org.rebond.cli.Main", "run", "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void sigtermStopsTheDaemonCleanlyAndTheDatabaseIsFreeForTheNextStart() throws Exception {
        Path config = mailbox.writeConfig(dir, null);
        Path log = dir.resolve("run.log");
        process = run(config, log);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("following [INBOX]"));

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within TimeoutStopSec").isTrue();
        assertThat(process.exitValue()).as("143 = terminated by SIGTERM, a success for systemd").isIn(0, 143);
        assertThat(read(log)).contains("rebond stopped").doesNotContain("Exception");

        Path second = dir.resolve("run2.log");
        process = run(config, second);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(second).contains("following [INBOX]"));
        assertThat(read(second)).as("the instance lock was released").doesNotContain("another rebond is already running");
    }

    @Test
    void aSecondDaemonOnTheSameDatabaseRefusesToStart() throws Exception {
        Path config = mailbox.writeConfig(dir, null);
        Path log = dir.resolve("first.log");
        process = run(config, log);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("following [INBOX]"));

        Path secondLog = dir.resolve("second.log");
        Process second = run(config, secondLog);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(74);
        assertThat(read(secondLog)).contains("another rebond is already running");
    }
}
