package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.cli.Main;

/**
 * One {@code rebond run} following two accounts of one configuration file, as a coach runs it:
 * Camille's mailbox answers, Sam's server is down. Camille's brief arrives all the same, each
 * account keeps its own database, and {@code status}, {@code doctor} and the other commands speak
 * of each account by its name.
 */
class ManyAccountsIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final TestMailbox camille = new TestMailbox(true);
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        camille.close();
    }

    /** The host file, Camille's account on the test mailbox, Sam's on a port nobody listens on. */
    private Path hostFile() throws IOException {
        Path password = dir.resolve("pw");
        Files.writeString(password, "secret-pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(dir.resolve("accounts"));
        Files.writeString(dir.resolve("accounts/camille.yaml"), withoutStorage(TestMailbox.configYaml(TestMailbox.USER, camille.port(),
                false, "camille", "  password_file: ../pw\n  poll_interval: 2s\n")));
        Files.writeString(dir.resolve("accounts/sam.yaml"), withoutStorage(TestMailbox.configYaml("sam@example.org", deadPort(),
                false, "sam", "  password_file: ../pw\n  poll_interval: 2s\n")).replace("Camille Martin", "Sam Durand")
                .replace("language: en", "language: fr"));
        Path host = dir.resolve("rebond.yaml");
        Files.writeString(host, """
                # Two job seekers followed by one rebond
                storage:
                  database: state/rebond.db
                accounts:
                  - name: camille
                    config: accounts/camille.yaml
                  - name: sam
                    config: accounts/sam.yaml
                """);
        return host;
    }

    private static String withoutStorage(String yaml) {
        return yaml.replace("storage:\n  database: rebond.db\n", "");
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process run(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "org.rebond.cli.Main", "run", "--config",
                config.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private record Ran(int code, String out, String err) {}

    private static Ran rebond(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(args, o, e, Clock.systemUTC());
        }
        return new Ran(code, out.toString(), err.toString());
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void aDeadServerOfOneAccountDoesNotHoldUpTheBriefOfAnother() throws Exception {
        Path host = hostFile();
        Instant now = Instant.now();
        Instant start = now.plus(Duration.ofHours(3));
        camille.deliver(camille.invitation("many-1@acme-health.example", 0, "REQUEST", now, start, start.plus(Duration.ofMinutes(30)),
                "Information interview Camille / Jeanne"));
        Path log = dir.resolve("run.log");
        process = run(host, log);

        await().atMost(BOUND).until(() -> !process.isAlive() || !camille.rebondMessages("INBOX").isEmpty());
        assertThat(process.isAlive()).as("rebond run still running; it wrote:%n%s", read(log)).isTrue();
        assertThat(camille.rebondMessages("INBOX")).as("Camille's brief, while Sam's server refuses every connection").hasSize(1);
        assertThat(read(log)).contains("rebond started for 2 accounts (camille, sam)")
                .containsPattern("cannot connect to 127\\.0\\.0\\.1:\\d+ \\(imap\\)");
        assertThat(dir.resolve("state/accounts/camille/rebond.db")).as("each account has a database of its own").isRegularFile();
        assertThat(dir.resolve("state/accounts/sam/rebond.db")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(dir.resolve("state/accounts/sam")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Ran status = rebond("status", "--config", host.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("── Account camille (camille@example.org) ──").contains("── Compte sam (sam@example.org) ──")
                .contains("Information interview Camille / Jeanne");

        Ran one = rebond("status", "--config", host.toString(), "--account", "camille", "--json");
        assertThat(one.out()).startsWith("{\"accounts\": {\"camille\": {\"version\":").doesNotContain("\"sam\"");

        Ran progress = rebond("progress", "--config", host.toString());
        assertThat(progress.code()).as(progress.err()).isZero();
        assertThat(progress.out()).as("figures only, for a coach").containsPattern("(?m)^camille +0 +1 ")
                .containsPattern("(?m)^sam +0 +0 ").doesNotContain("Jeanne").doesNotContain("Information interview");

        Ran track = rebond("track", "--config", host.toString(), "1");
        assertThat(track.code()).isEqualTo(64);
        assertThat(track.err()).contains("names 2 accounts (camille, sam): say which one with --account NAME");

        Ran unknown = rebond("status", "--config", host.toString(), "--account", "lea");
        assertThat(unknown.code()).isEqualTo(64);
        assertThat(unknown.err()).contains("no account is named lea").contains("its accounts are camille, sam");

        Ran doctor = rebond("doctor", "--config", host.toString());
        assertThat(doctor.code()).as("Sam's server is down").isNotZero();
        assertThat(doctor.out()).contains("── Account camille").contains("── Compte sam")
                .contains("le rebond en marche signale la boîte aux lettres injoignable depuis le ")
                .as("times in Sam's zone and language, not ISO instants").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");

        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(read(log)).contains("stopped following the account camille").contains("stopped following the account sam")
                .contains("rebond stopped");
    }

    @Test
    void everyProblemOfTheHostFileAndOfItsAccountsFilesIsReportedAtOnce() throws Exception {
        Path host = hostFile();
        Files.writeString(dir.resolve("accounts/sam.yaml"), Files.readString(dir.resolve("accounts/sam.yaml")).replace("port: ", "port: x")
                + "storage:\n  database: sam.db\n");
        Files.writeString(host, Files.readString(host) + "  - name: Camille!\n    config: accounts/none.yaml\n");

        Ran run = rebond("run", "--config", host.toString());

        assertThat(run.code()).isEqualTo(78);
        assertThat(run.err()).contains("rebond.yaml:9: accounts[3].name: must be 1 to 40 lower-case letters")
                .contains("accounts[3].config: no such file")
                .contains("accounts[2].config: sam.yaml has a storage: section; the accounts share the one of this file");
    }
}
