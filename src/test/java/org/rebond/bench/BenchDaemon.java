package org.rebond.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rebond.SystemdUnit;
import org.rebond.realserver.DovecotServer;

/** The benchmarks' daemon: its configuration, its process started as the unit starts it, its scan awaited, its stop. */
final class BenchDaemon {

    private static final Duration SCAN_BOUND = Duration.ofMinutes(60);

    private BenchDaemon() {}

    /** As root, Dovecot's mail processes run as nobody: the generated files must be theirs. */
    static void giveToMailUser(Path path) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        Process chown = new ProcessBuilder("chown", "-R", "nobody:nogroup", path.toString()).inheritIO().start();
        if (!chown.waitFor(10, TimeUnit.MINUTES) || chown.exitValue() != 0) {
            throw new IllegalStateException("chown of " + path + " failed");
        }
    }

    static void stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            daemon.waitFor(20, TimeUnit.SECONDS);
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static Path writeConfig(Path dir, DovecotServer dovecot) throws IOException {
        Path password = writePassword(dir.resolve("imap-password"), dovecot.password());
        String yaml = accountYaml(dovecot, dovecot.user(), password) + """
                storage:
                  database: %s
                """.formatted(dir.resolve("rebond.db"));
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A password file as rebond wants it: readable by its owner only. */
    static Path writePassword(Path file, String password) throws IOException {
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * The configuration of the generated mailbox's owner on {@code user}'s mailbox of {@code dovecot},
     * without its {@code storage:} section (an account of a host configuration has none).
     */
    static String accountYaml(DovecotServer dovecot, String user, Path passwordFile) {
        return """
                profile:
                  name: %s
                  addresses: [%s]
                  language: fr
                  time_zone: Europe/Paris
                  objective: "rejoindre une équipe produit en santé numérique"
                  pitch: "Six ans de projets hospitaliers."
                """.formatted(MailboxGenerator.USER_NAME, MailboxGenerator.USER_EMAIL) + mailboxYaml(dovecot, user, passwordFile.toString());
    }

    /** The {@code mailbox:} section for {@code user}'s mailbox of {@code dovecot}, plain IMAP on loopback. */
    static String mailboxYaml(DovecotServer dovecot, String user, String passwordFile) {
        return """
                mailbox:
                  host: %s
                  port: %d
                  security: none
                  allow_plaintext_on_loopback: true
                  username: %s
                  password_file: %s
                """.formatted(dovecot.host(), dovecot.port(), user, passwordFile);
    }

    static Process startDaemon(Path dir, Path config, DaemonOutput output) throws IOException, InterruptedException {
        List<String> command = jvm(dir);
        command.addAll(List.of(DaemonProcess.class.getName(), config.toString()));
        // The first daemon's log is daemon.log, the next ones' daemon-2.log, daemon-3.log …
        Path log = dir.resolve("daemon.log");
        for (int n = 2; Files.exists(log); n++) {
            log = dir.resolve("daemon-" + n + ".log");
        }
        output.mark("spawned", System.nanoTime());
        Process process = asTheUnit(new ProcessBuilder(command).redirectError(log.toFile())).start();
        Thread reader = new Thread(() -> output.read(process), "bench-daemon-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /**
     * {@code rebond run --config CONFIG} as the unit starts it (its JVM flags, environment and
     * priority); what it writes (its log) goes to {@code log} and, line by line as it comes, to
     * {@code lines}. {@code archiveDir}: where the class archive is made once and kept.
     */
    static Process startRun(Path archiveDir, Path config, Path log, Consumer<String> lines) throws IOException, InterruptedException {
        List<String> command = jvm(archiveDir);
        command.addAll(List.of("org.rebond.cli.Main", "run", "--config", config.toString()));
        Process process = asTheUnit(new ProcessBuilder(command).redirectErrorStream(true)).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    lines.accept(line);
                }
            } catch (IOException stopped) {
                // the daemon stopped
            }
        }, "bench-run-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /**
     * The command line of the daemon's JVM up to its main class: the unit's priority and JVM flags,
     * the packaged jar with its class archive (made in {@code dir} if missing), {@code -Dbench.daemon.jvm}.
     */
    private static List<String> jvm(Path dir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        // At the unit's priority (Nice=), as systemd starts it.
        // -Dbench.nice=0: at the benchmark's own priority instead (on a machine busy with other work,
        // Nice=10 leaves the daemon the processor only when nothing else wants it).
        int nice = Integer.getInteger("bench.nice", SystemdUnit.nice(Path.of("systemd", "rebond.service")));
        if (nice != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.add(java);
        command.addAll(SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service")));
        // The daemon as installed: the packaged jar, with the class archive the units name, made by
        // `rebond class-archive` for this jar (-Dbench.class.archive=false: without it).
        String classPath = System.getProperty("java.class.path");
        if (Boolean.parseBoolean(System.getProperty("bench.class.archive", "true"))) {
            Path jar = Path.of("target", "rebond.jar").toAbsolutePath();
            Path archive = dir.resolve("rebond.jsa");
            if (!Files.exists(archive)) {
                run(java, "-jar", jar.toString(), "class-archive", "--lang", "en", archive.toString());
            }
            command.add("-XX:SharedArchiveFile=" + archive);
            // The archive covers the jar; the benchmark's own classes (DaemonProcess) come after it.
            classPath = jar + System.getProperty("path.separator") + Path.of("target", "test-classes").toAbsolutePath();
        }
        // -Dbench.daemon.jvm="-XX:StartFlightRecording=filename=/tmp/scan.jfr": extra flags for the daemon's JVM (a profile).
        String extra = System.getProperty("bench.daemon.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath));
        return command;
    }

    /** With the unit's environment (MALLOC_ARENA_MAX …), but the log keeps its timestamps. */
    private static ProcessBuilder asTheUnit(ProcessBuilder builder) throws IOException {
        Map<String, String> environment = SystemdUnit.environment(Path.of("systemd", "rebond.service"));
        environment.remove("REBOND_LOG_PATTERN");
        builder.environment().putAll(environment);
        return builder;
    }

    /** Waits until every folder cursor in the daemon's database reaches the last UID; returns that instant. */
    /**
     * Waits until both folder cursors reach the last UIDs, reading them every 20 ms on one
     * connection kept open (opening one at each poll costs the machine more than the reading).
     */
    static long awaitCursors(Path database, Map<String, Long> lastUids, Process daemon) throws SQLException {
        long[] reached = {0};
        Connection[] kept = {null};
        try {
            await("the daemon's first scan").atMost(SCAN_BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!daemon.isAlive()) {
                            throw new IllegalStateException("the daemon exited with " + daemon.exitValue() + " during the scan");
                        }
                        if (kept[0] == null) {
                            if (!Files.exists(database)) {
                                return false;
                            }
                            kept[0] = DriverManager.getConnection("jdbc:sqlite:" + database);
                        }
                        try (Statement st = kept[0].createStatement(); ResultSet rs = st.executeQuery("SELECT folder, last_uid FROM folder_cursor")) {
                            Map<String, Long> cursors = new HashMap<>();
                            while (rs.next()) {
                                cursors.put(rs.getString(1), rs.getLong(2));
                            }
                            long now = System.nanoTime();
                            boolean done = lastUids.entrySet().stream().allMatch(e -> cursors.getOrDefault(e.getKey(), 0L) >= e.getValue());
                            if (done) {
                                reached[0] = now;
                            }
                            return done;
                        } catch (SQLException busyOrNotYetCreated) {
                            return false;
                        }
                    });
        } finally {
            if (kept[0] != null) {
                kept[0].close();
            }
        }
        return reached[0];
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
