package org.rebond.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rebond.SystemdUnit;
import org.rebond.mail.MessageIntake;
import org.rebond.realserver.DovecotServer;

/**
 * The benchmark (issue 3, item 9). Prints figures as {@code name value unit}; it never asserts a
 * timing and fails only when something is functionally wrong (a delivered invitation not
 * detected, the scan not reaching the last message).
 *
 * <ol>
 *   <li>A Dovecot of its own; N messages generated straight into its maildir; one SELECT of each
 *       folder so Dovecot assigns UIDs.</li>
 *   <li>Cold index: Dovecot's {@code dovecot.index*} files (index, transaction log, cache) removed
 *       from both folders, with no session open; {@code dovecot-uidlist} stays, so UIDs do not
 *       change. The mail files stay in the OS page cache (dropping it would disturb the machine).</li>
 *   <li>The bound: {@link RawImapClient} fetches the scan's items for both folders.</li>
 *   <li>Cold index again; the daemon ({@link DaemonProcess}) starts on an empty database in a JVM
 *       of its own with the JVM flags of {@code systemd/rebond.service}, read from it;
 *       {@code scan_seconds} runs from just before {@code App.start} to the moment both folder
 *       cursors (read from its SQLite file every 20 ms) reach the last UID the bound saw.
 *       {@code scan_peak_rss_mb} is the child's VmHWM at that moment.</li>
 *   <li>Deliveries: information-interview invitations written to {@code INBOX/new} the way an
 *       MDA does (tmp, then rename), 1.5 s apart; for each, the rename instant, the untagged
 *       EXISTS seen by a raw connection in IDLE, and the daemon's intake listener reporting the
 *       interview stored and planned (its {@code System.nanoTime()}, CLOCK_MONOTONIC, shared by
 *       the processes of one machine).</li>
 *   <li>A quiet minute: the child's utime+stime and VmRSS from {@code /proc/<pid>}.</li>
 * </ol>
 */
class ScanBench {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
    private static final int DELIVERIES = Math.max(20, Integer.getInteger("bench.deliveries", 25));
    private static final int QUIET_SECONDS = Integer.getInteger("bench.quiet.seconds", 60);
    private static final Duration DELIVERY_SPACING = Duration.ofMillis(1500);
    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);
    private static final Duration SCAN_BOUND = Duration.ofMinutes(60);

    private final List<String> figures = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        if (!DovecotServer.available()) {
            throw new IllegalStateException("the benchmark needs Dovecot: apt-get install dovecot-imapd");
        }
        Path dir = Path.of("target", "bench-" + MESSAGES).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        DovecotServer dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null).withOnlyWriter());
        Process daemon = null;
        try {
            Path maildir = dovecot.maildir(dovecot.user());
            MailboxGenerator generator = new MailboxGenerator(20240611L);
            long t = System.nanoTime();
            MailboxGenerator.Summary summary = generator.write(maildir, maildir.resolve(".Sent"), MESSAGES, Instant.now().minus(1, ChronoUnit.DAYS));
            giveToMailUser(maildir);
            // The 1.8 GB just written are flushed to disk now, not while the bound or the scan reads them.
            run("sync");
            figure("generate_seconds", seconds(System.nanoTime() - t), "s");
            figure("messages", summary.inbox() + summary.sent(), "messages");
            figure("messages_inbox", summary.inbox(), "messages");
            figure("messages_sent", summary.sent(), "messages");
            figure("invitations_in_mailbox", summary.invitations(), "messages");
            figure("mailbox_mb", summary.bytes() / 1e6, "MB");

            t = System.nanoTime();
            Map<String, Long> lastUids = new HashMap<>();
            try (RawImapClient client = new RawImapClient(dovecot.host(), dovecot.port())) {
                client.login(dovecot.user(), dovecot.password());
                client.select("INBOX", true);
                client.select("Sent", true);
            }
            figure("first_index_seconds", seconds(System.nanoTime() - t), "s");

            Bound before = measureBound(dovecot, maildir, summary.inbox() + summary.sent());
            lastUids.putAll(before.lastUids());
            figure("scan_bound_before_seconds", before.seconds(), "s");
            figure("scan_bound_mb", before.bytes() / 1e6, "MB");
            figure("scan_bound_before_machine_cpu_seconds", before.machineCpu(), "s");
            figure("scan_bound_before_server_cpu_seconds", before.serverCpu(), "s");

            removeIndexes(maildir);
            Path config = writeConfig(dir, dovecot);
            Scan first = measureScan(dir, config, dovecot, lastUids);
            daemon = first.daemon();
            DaemonOutput output = first.output();
            figure("scan_first_seconds", first.seconds(), "s");
            // Of which building the daemon (database, scheduler, templates) before it connects.
            figure("scan_startup_seconds", first.startup(), "s");
            figure("scan_peak_rss_mb", procStatus(daemon.pid(), "VmHWM") / 1024.0, "MB");
            // Where the CPU went: the daemon's own (JVM start included) and the whole machine's
            // (Dovecot, the daemon, this benchmark polling the database) from the daemon's start.
            figure("scan_daemon_cpu_seconds", first.daemonCpu(), "s");
            figure("scan_daemon_cpu_before_start_seconds", first.startCpu(), "s");
            // By thread: the mailbox threads (INBOX, and the other folders read meanwhile: reads,
            // parses, prepares), the intake thread (takes, writes the history), the VM thread (the
            // serial collector), the JIT compiler, the rest.
            first.threadCpu().forEach((thread, seconds) -> figure("scan_cpu_" + thread + "_seconds", seconds, "s"));
            figure("scan_machine_cpu_seconds", first.machineCpu(), "s");
            // Dovecot's own share (its processes, those ended included): what the daemon's reads cost the server.
            figure("scan_server_cpu_seconds", first.serverCpu(), "s");
            figure("scan_interviews_found", output.created(), "interviews");

            measureDetection(dovecot, maildir, generator, output, daemon);

            long ticksBefore = cpuTicks(daemon.pid());
            long quietStart = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(QUIET_SECONDS)); // the measurement window itself, not a wait for a condition
            long ticksAfter = cpuTicks(daemon.pid());
            double quiet = seconds(System.nanoTime() - quietStart);
            figure("idle_cpu_percent", 100.0 * (ticksAfter - ticksBefore) / CLOCK_TICKS / quiet, "%");
            figure("idle_rss_mb", procStatus(daemon.pid(), "VmRSS") / 1024.0, "MB");
            figure("idle_seconds", quiet, "s");

            // The scan again, by a new daemon on an empty database and a cold index, and then the
            // bound again, the daemon stopped: the machine's speed drifts within minutes, so the
            // ratio compares the faster of two scans with the faster of two bounds, measured in
            // turns (bound, scan, scan, bound).
            stop(daemon);
            daemon = null;
            for (String file : List.of("rebond.db", "rebond.db-wal", "rebond.db-shm")) {
                Files.deleteIfExists(dir.resolve(file));
            }
            removeIndexes(maildir);
            Scan second = measureScan(dir, config, dovecot, lastUids);
            stop(second.daemon());
            figure("scan_second_seconds", second.seconds(), "s");
            figure("scan_second_startup_seconds", second.startup(), "s");
            figure("scan_second_daemon_cpu_seconds", second.daemonCpu(), "s");
            figure("scan_second_server_cpu_seconds", second.serverCpu(), "s");
            Bound after = measureBound(dovecot, maildir, summary.inbox() + summary.sent());
            figure("scan_bound_after_seconds", after.seconds(), "s");
            figure("scan_bound_after_server_cpu_seconds", after.serverCpu(), "s");
            double scan = Math.min(first.seconds(), second.seconds());
            figure("scan_seconds", scan, "s");
            figure("scan_rate", (summary.inbox() + summary.sent()) / scan, "messages/s");
            double bound = Math.min(before.seconds(), after.seconds());
            figure("scan_bound_seconds", bound, "s");
            figure("scan_ratio", scan / bound, "x");
        } finally {
            if (daemon != null) {
                stop(daemon);
            }
            dovecot.stop();
            Files.write(dir.resolve("figures.txt"), figures);
        }
    }

    /** One scan: the daemon (still running) that made it and what it cost. */
    private record Scan(Process daemon, DaemonOutput output, double seconds, double startup, double daemonCpu, double startCpu,
                        Map<String, Double> threadCpu, double machineCpu, double serverCpu) {}

    /** Starts a daemon on the configuration's (empty) database and waits until its cursors reach {@code lastUids}. */
    private static Scan measureScan(Path dir, Path config, DovecotServer dovecot, Map<String, Long> lastUids) throws Exception {
        DaemonOutput output = new DaemonOutput();
        Process daemon = startDaemon(dir, config, output);
        try {
            long scanStart = output.await("starting");
            double startCpu = cpuTicks(daemon.pid()) / (double) CLOCK_TICKS;
            long machineBefore = machineBusyTicks();
            long serverBefore = serverCpuTicks(dovecot.masterPid());
            long scanEnd = awaitCursors(dir.resolve("rebond.db"), lastUids, daemon);
            double machine = (machineBusyTicks() - machineBefore) / (double) CLOCK_TICKS;
            double server = (serverCpuTicks(dovecot.masterPid()) - serverBefore) / (double) CLOCK_TICKS;
            double daemonCpu = cpuTicks(daemon.pid()) / (double) CLOCK_TICKS;
            Map<String, Double> threadCpu = threadCpuSeconds(daemon.pid());
            return new Scan(daemon, output, seconds(scanEnd - scanStart), seconds(output.await("started") - scanStart), daemonCpu, startCpu,
                    threadCpu, machine, server);
        } catch (Exception | Error e) {
            stop(daemon);
            throw e;
        }
    }

    private void measureDetection(DovecotServer dovecot, Path maildir, MailboxGenerator generator, DaemonOutput output, Process daemon)
            throws Exception {
        List<long[]> exists = new CopyOnWriteArrayList<>();
        RawImapClient watcher = new RawImapClient(dovecot.host(), dovecot.port());
        watcher.login(dovecot.user(), dovecot.password());
        watcher.select("INBOX", true);
        Thread idler = new Thread(() -> {
            try {
                watcher.idle((count, nanos) -> exists.add(new long[] {count, nanos}));
            } catch (IOException e) {
                exists.add(new long[] {-1, System.nanoTime()});
            }
        }, "bench-idle");
        idler.setDaemon(true);
        idler.start();
        await("the raw IDLE connection").atMost(EVENT_BOUND).until(() -> idler.isAlive());
        List<Double> toExists = new ArrayList<>();
        List<Double> toDetected = new ArrayList<>();
        List<Double> existsToDetected = new ArrayList<>();
        List<Double> noticeToDetected = new ArrayList<>();
        // One line per delivery (seconds from the delivery), to see which ones were slow and why.
        List<String> detail = new ArrayList<>(List.of("delivery\tdelivered_at\texists\tnoticed\tdetected"));
        long origin = System.nanoTime();
        long slot = System.nanoTime() + DELIVERY_SPACING.toNanos();
        for (int i = 0; i < DELIVERIES; i++) {
            // Deliveries are paced like real mail, one every 1.5 s: the pause shapes the load.
            LockSupport.parkNanos(Math.max(0, slot - System.nanoTime()));
            slot += DELIVERY_SPACING.toNanos();
            Instant now = Instant.now();
            String uidSeed = "bench-" + i;
            String message = generator.invitation(generator.contact(i * 37), now, now.plus(3 + i % 7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES),
                    true, i % 3, uidSeed);
            int existsBefore = exists.size();
            long delivered = deliver(maildir, message.getBytes(StandardCharsets.UTF_8), now);
            long[] seen = await("EXISTS for delivery " + i).atMost(EVENT_BOUND).pollInterval(Duration.ofMillis(2))
                    .until(() -> exists.size() > existsBefore ? exists.get(existsBefore) : null, e -> e != null);
            if (seen[0] < 0) {
                throw new IllegalStateException("the raw IDLE connection failed");
            }
            long detected = await("interview " + uidSeed + " stored and planned").atMost(EVENT_BOUND).pollInterval(Duration.ofMillis(2))
                    .until(() -> output.takenAt(uidSeed + "-"), v -> v != null && v > 0 || !daemon.isAlive());
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon stopped during the deliveries");
            }
            toExists.add(seconds(seen[1] - delivered));
            toDetected.add(seconds(detected - delivered));
            existsToDetected.add(seconds(detected - seen[1]));
            Long noticed = output.noticedAfter(delivered);
            if (noticed != null && noticed <= detected) {
                noticeToDetected.add(seconds(detected - noticed));
            }
            detail.add(i + "\t" + String.format(Locale.ROOT, "%.3f\t%.3f\t%s\t%.3f", seconds(delivered - origin), seconds(seen[1] - delivered),
                    noticed == null ? "-" : String.format(Locale.ROOT, "%.3f", seconds(noticed - delivered)), seconds(detected - delivered)));
        }
        Files.write(Path.of("target", "bench-" + MESSAGES, "detections.tsv").toAbsolutePath(), detail);
        watcher.done();
        idler.join(5_000);
        watcher.close();
        figure("deliveries", DELIVERIES, "messages");
        figure("exists_p50_seconds", percentile(toExists, 50), "s");
        figure("exists_p95_seconds", percentile(toExists, 95), "s");
        figure("detect_p50_seconds", percentile(toDetected, 50), "s");
        figure("detect_p95_seconds", percentile(toDetected, 95), "s");
        // The target as the issue states it: detection's p95 within 0.1 s of the server's notice's p95.
        figure("detect_p95_minus_exists_p95_seconds", percentile(toDetected, 95) - percentile(toExists, 95), "s");
        figure("detect_after_exists_p95_seconds", percentile(existsToDetected, 95), "s");
        // The daemon's own share: from the moment its own IDLE ended on the server's notice (the
        // raw connection's EXISTS above comes on another connection, which Dovecot may notify first).
        figure("detect_after_notice_p50_seconds", noticeToDetected.isEmpty() ? -1 : percentile(noticeToDetected, 50), "s");
        figure("detect_after_notice_p95_seconds", noticeToDetected.isEmpty() ? -1 : percentile(noticeToDetected, 95), "s");
        figure("detect_after_notice_count", noticeToDetected.size(), "deliveries");
        figure("detect_max_seconds", Collections.max(toDetected), "s");
    }

    /** Writes in {@code tmp/}, hands the file to the mail user, renames into {@code new/}; returns the rename instant. */
    private static long deliver(Path maildir, byte[] data, Instant at) throws IOException, InterruptedException {
        String name = at.getEpochSecond() + ".M" + System.nanoTime() + "P" + ProcessHandle.current().pid() + ".bench,S=" + data.length;
        Path tmp = maildir.resolve("tmp").resolve(name);
        Files.write(tmp, data);
        giveToMailUser(tmp);
        long now = System.nanoTime();
        Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return now;
    }

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

    /** One measurement of the bound: what a minimal client takes to fetch the scan's items of both folders, on a cold index. */
    private record Bound(double seconds, long bytes, Map<String, Long> lastUids, double machineCpu, double serverCpu) {}

    /** {@code expected}: the messages written at least (the deliveries and the daemon's own briefs come on top after the scan). */
    private static Bound measureBound(DovecotServer dovecot, Path maildir, int expected) throws IOException {
        removeIndexes(maildir);
        long machineBefore = machineBusyTicks();
        long serverBefore = serverCpuTicks(dovecot.masterPid());
        long t = System.nanoTime();
        long bytes = 0;
        int fetched = 0;
        Map<String, Long> lastUids = new HashMap<>();
        try (RawImapClient client = new RawImapClient(dovecot.host(), dovecot.port())) {
            client.login(dovecot.user(), dovecot.password());
            for (String folder : List.of("INBOX", "Sent")) {
                client.select(folder, true);
                RawImapClient.FetchResult result = client.fetchScanItems(MessageIntake.HEADERS);
                lastUids.put(folder, result.lastUid());
                bytes += result.bytes();
                fetched += result.messages();
            }
        }
        double seconds = seconds(System.nanoTime() - t);
        if (fetched < expected) {
            throw new IllegalStateException("the bound fetched " + fetched + " messages, at least " + expected + " were written");
        }
        return new Bound(seconds, bytes, lastUids, (machineBusyTicks() - machineBefore) / (double) CLOCK_TICKS,
                (serverCpuTicks(dovecot.masterPid()) - serverBefore) / (double) CLOCK_TICKS);
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

    /** Removes Dovecot's index, transaction log and cache of every folder (dovecot-uidlist stays). */
    private static void removeIndexes(Path maildir) throws IOException {
        for (Path folder : List.of(maildir, maildir.resolve(".Sent"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("dovecot.index")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    static Path writeConfig(Path dir, DovecotServer dovecot) throws IOException {
        Path password = dir.resolve("imap-password");
        Files.writeString(password, dovecot.password() + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String yaml = """
                profile:
                  name: %s
                  addresses: [%s]
                  language: fr
                  time_zone: Europe/Paris
                  objective: "rejoindre une équipe produit en santé numérique"
                  pitch: "Six ans de projets hospitaliers."
                mailbox:
                  host: %s
                  port: %d
                  security: none
                  allow_plaintext_on_loopback: true
                  username: %s
                  password_file: %s
                storage:
                  database: %s
                """.formatted(MailboxGenerator.USER_NAME, MailboxGenerator.USER_EMAIL, dovecot.host(), dovecot.port(), dovecot.user(),
                password, dir.resolve("rebond.db"));
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Process startDaemon(Path dir, Path config, DaemonOutput output) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        // At the unit's priority (Nice=), as systemd starts it.
        int nice = SystemdUnit.nice(Path.of("systemd", "rebond.service"));
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
        command.addAll(List.of("-cp", classPath, DaemonProcess.class.getName(), config.toString()));
        // The first daemon's log is daemon.log, the second's daemon-2.log.
        Path log = dir.resolve("daemon.log");
        if (Files.exists(log)) {
            log = dir.resolve("daemon-2.log");
        }
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Thread reader = new Thread(() -> output.read(process), "bench-daemon-output");
        reader.setDaemon(true);
        reader.start();
        return process;
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

    /** Lines the daemon prints on standard output: {@code BENCH starting|started <nanos>}, {@code BENCH taken <nanos> <kind> <uid>}. */
    static final class DaemonOutput {
        private final Map<String, Long> marks = new ConcurrentHashMap<>();
        private final List<String[]> taken = new CopyOnWriteArrayList<>();
        private final List<Long> noticed = new CopyOnWriteArrayList<>();

        void read(Process process) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f.length >= 3 && f[0].equals("BENCH")) {
                        if (f[1].equals("taken") && f.length >= 5) {
                            taken.add(new String[] {f[2], f[3], f[4]});
                        } else if (f[1].equals("noticed")) {
                            noticed.add(Long.parseLong(f[2]));
                        } else {
                            marks.put(f[1], Long.parseLong(f[2]));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the daemon stopped
            }
        }

        long await(String mark) {
            return Awaitility.await("daemon " + mark).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                    .until(() -> marks.get(mark), v -> v != null);
        }

        /** When the interview whose UID starts with {@code uidPrefix} was created; null before. */
        Long takenAt(String uidPrefix) {
            for (String[] t : taken) {
                if (t[2].startsWith(uidPrefix) && t[1].equals("CREATED")) {
                    return Long.parseLong(t[0]);
                }
            }
            return null;
        }

        /** The first time the daemon's IDLE ended on new mail after {@code since} (nanoTime), null if it has not. */
        Long noticedAfter(long since) {
            return noticed.stream().filter(n -> n >= since).min(Long::compare).orElse(null);
        }

        long created() {
            return taken.stream().filter(t -> t[1].equals("CREATED")).count();
        }
    }

    private static final int CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    /**
     * CPU time of a Dovecot instance, in clock ticks: its master, its live child processes (the
     * mail and login processes), and the children that already ended and were waited for
     * (cutime, cstime of each).
     */
    private static long serverCpuTicks(long masterPid) throws IOException {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == masterPid || Long.parseLong(f[1]) == masterPid) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /** CPU seconds of the daemon's threads so far, grouped: mailbox, intake, gc, jit, other. */
    private static Map<String, Double> threadCpuSeconds(long pid) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String group : List.of("mailbox", "intake", "gc", "jit", "other")) {
            out.put(group, 0.0);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
                    String group = name.startsWith("rebond-mailbox") ? "mailbox" : name.equals("rebond-intake") ? "intake"
                            : name.equals("VM Thread") ? "gc" : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit" : "other";
                    out.merge(group, seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    /** Busy time of all the machine's cores (user, nice, system, irq, softirq), in clock ticks, from {@code /proc/stat}. */
    private static long machineBusyTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
    }

    /** A {@code kB} value of {@code /proc/<pid>/status}. */
    static long procStatus(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException(key + " not in /proc/" + pid + "/status");
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void figure(String name, double value, String unit) {
        String line = String.format(Locale.ROOT, value == Math.rint(value) && Math.abs(value) < 1e12 ? "%s %.0f %s" : "%s %.3f %s", name, value, unit);
        figures.add(line);
        System.out.println(line);
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
