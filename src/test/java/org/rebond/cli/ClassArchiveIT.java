package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.SystemdUnit;

/**
 * {@code rebond class-archive} run as an installer runs it, from the packaged jar: the archive
 * it writes must map in a JVM started with the systemd unit's own flags ({@code -Xshare:on}
 * makes the JVM refuse to start otherwise), and replace an older one in place.
 */
class ClassArchiveIT {

    private static final Path JAR = Path.of("target", "rebond.jar").toAbsolutePath();

    @Test
    void theArchiveWrittenFromTheJarMapsInAJvmStartedWithTheUnitsFlags(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("lib").resolve("rebond.jsa");

        Run made = java(List.of("-jar", JAR.toString(), "class-archive", "--lang", "en", archive.toString()));

        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("Archive written: " + archive);
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(archive.resolveSibling("rebond.jsa.partial")).doesNotExist();

        List<String> started = new ArrayList<>(SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service")));
        started.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", JAR.toString(), "--version"));
        Run version = java(started);
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("rebond ");
    }

    @Test
    void makingTheArchiveAgainReplacesTheOldOne(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("rebond.jsa");
        Files.writeString(archive, "an archive of another jar");

        Run made = java(List.of("-jar", JAR.toString(), "class-archive", "--lang", "fr", archive.toString()));

        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("Archive écrite : " + archive);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
    }

    private record Run(int exitCode, String output) {}

    private static Run java(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(arguments);
        Path log = Files.createTempFile("class-archive-it", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 3 minutes");
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
