package org.rebond.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rebond.SystemdUnit;
import org.rebond.application.MessageArrivals;
import org.rebond.bench.HostileMessages.Expect;
import org.rebond.bench.HostileMessages.Kind;
import org.rebond.realserver.DovecotServer;

/**
 * Load with hostile mail (issue 17, item 5). A mailbox of {@code bench.messages} messages (10,000
 * by default), {@code bench.hostile.ratio} of them (10%) hostile ({@link HostileMessages}: the
 * bad-input catalogue's mails and the fuzzers' seeds), the rest from {@link MailboxGenerator}, is
 * written into a Dovecot of its own; the daemon ({@link DaemonProcess}) scans it in a JVM of its
 * own with the systemd unit's flags and the heap capped at {@code bench.heap.mb} (256) MB.
 *
 * <p>Once both folder cursors reach the last UID it checks: the daemon is alive and its output
 * holds no OutOfMemoryError or StackOverflowError; every information-interview invitation, the
 * generator's and the hostile kinds read into one, is an interview; every message of a kind the
 * catalogue quarantines has a quarantine row (itself or one of its parts) with a reason, and
 * no interview; the kinds read and left alone are neither; no ordinary message is quarantined.
 * It prints {@code key value} figures and writes {@code kinds.tsv}: each kind, what was expected
 * and what happened.
 */
class HostileLoadBench {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
    private static final double HOSTILE_RATIO = Double.parseDouble(System.getProperty("bench.hostile.ratio", "0.10"));
    private static final int HEAP_MB = Integer.getInteger("bench.heap.mb", 256);
    private static final Pattern HOSTILE_FILE = Pattern.compile("\\.hostile-(\\d+),");
    private static final Pattern ITEM = Pattern.compile("([^:]+):(\\d+):(\\d+)(#.*)?");

    private final List<String> figures = new ArrayList<>();

    @Test
    void hostileLoad() throws Exception {
        if (!DovecotServer.available()) {
            throw new IllegalStateException("the benchmark needs Dovecot: apt-get install dovecot-imapd");
        }
        Path dir = Path.of("target", "bench-hostile-" + MESSAGES).toAbsolutePath();
        BenchDaemon.deleteTree(dir);
        Files.createDirectories(dir);
        DovecotServer dovecot = DovecotServer.start(dir.resolve("dovecot"), DovecotServer.Options.defaults().withQuota(null).withOnlyWriter());
        Process daemon = null;
        try {
            Path maildir = dovecot.maildir(dovecot.user());
            int hostileCount = (int) Math.round(MESSAGES * HOSTILE_RATIO);
            MailboxGenerator generator = new MailboxGenerator(20240611L);
            Instant now = Instant.now().minus(1, ChronoUnit.DAYS);
            long t = System.nanoTime();
            MailboxGenerator.Summary summary = generator.write(maildir, maildir.resolve(".Sent"), MESSAGES - hostileCount, now);
            Set<String> expectedInterviews = generatorInterviews(maildir.resolve("cur"));
            HostileMessages hostile = new HostileMessages(generator, 17_05L, Path.of("src", "test", "resources"));
            long[] hostileBytes = {0};
            Map<Integer, HostileMessages.Hostile> written = writeHostile(maildir.resolve("cur"), hostile, hostileCount, now, hostileBytes);
            written.values().stream().filter(h -> h.interviewUid() != null).forEach(h -> expectedInterviews.add(h.interviewUid()));
            BenchDaemon.giveToMailUser(maildir);
            BenchDaemon.run("sync");
            figure("hostile_generate_seconds", seconds(System.nanoTime() - t));

            try (RawImapClient client = new RawImapClient(dovecot.host(), dovecot.port())) {
                client.login(dovecot.user(), dovecot.password());
                client.select("INBOX", true);
                client.select("Sent", true);
            }
            Map<Long, Integer> inboxUids = new HashMap<>();
            Map<String, Long> lastUids = Map.of("INBOX", readUidList(maildir.resolve("dovecot-uidlist"), inboxUids),
                    "Sent", readUidList(maildir.resolve(".Sent").resolve("dovecot-uidlist"), new HashMap<>()));
            if (inboxUids.size() != hostileCount) {
                throw new IllegalStateException(inboxUids.size() + " hostile messages got a UID, " + hostileCount + " were written");
            }

            Path config = BenchDaemon.writeConfig(dir, dovecot);
            DaemonOutput output = new DaemonOutput();
            daemon = startDaemon(dir, config, output);
            long start = output.await("starting");
            long end = BenchDaemon.awaitCursors(dir.resolve("rebond.db"), lastUids, daemon);
            double scanSeconds = seconds(end - start);
            double peakRss = ProcStats.procStatus(daemon.pid(), "VmHWM") / 1024.0;

            Map<Long, List<String>> reasons = new HashMap<>();
            Set<String> interviews = new HashSet<>();
            int[] quarantineRows = readDatabase(dir.resolve("rebond.db"), reasons, interviews);
            Outcomes outcomes = judge(written, inboxUids, reasons, interviews);
            List<String> failures = new ArrayList<>(outcomes.failures());
            for (String uid : expectedInterviews) {
                if (!interviews.contains(uid)) {
                    failures.add("invitation " + uid + " is no interview");
                }
            }
            boolean alive = daemon.isAlive();
            String log = Files.readString(dir.resolve("daemon.log"), StandardCharsets.UTF_8);
            if (!alive) {
                failures.add("the daemon exited with " + daemon.exitValue());
            }
            for (String fatal : List.of("OutOfMemoryError", "StackOverflowError")) {
                if (log.contains(fatal)) {
                    failures.add("the daemon's log holds " + fatal);
                }
            }

            figure("hostile_messages", MESSAGES);
            figure("hostile_count", hostileCount);
            figure("hostile_ratio", HOSTILE_RATIO);
            figure("hostile_mailbox_mb", (summary.bytes() + hostileBytes[0]) / 1e6);
            figure("hostile_scan_seconds", scanSeconds);
            figure("hostile_messages_per_second", MESSAGES / scanSeconds);
            figure("hostile_peak_rss_mb", peakRss);
            figure("hostile_heap_max_mb", HEAP_MB);
            figure("hostile_quarantined", reasons.size());
            figure("hostile_quarantine_rows", quarantineRows[0]);
            figure("hostile_interviews_found", interviews.size());
            figure("hostile_interviews_expected", expectedInterviews.size());
            figure("hostile_daemon_alive", alive ? 1 : 0);
            Files.write(dir.resolve("kinds.tsv"), outcomes.table());
            outcomes.table().forEach(System.out::println);
            failures.forEach(f -> System.out.println("FAILED " + f));
            assertTrue(failures.isEmpty(), failures.size() + " failure(s), the first: " + (failures.isEmpty() ? "" : failures.get(0)));
        } finally {
            if (daemon != null) {
                BenchDaemon.stop(daemon);
            }
            dovecot.stop();
            Files.write(dir.resolve("figures.txt"), figures);
        }
    }

    /** What happened to each kind, and what went against the catalogue. */
    private record Outcomes(List<String> table, List<String> failures) {}

    private static Outcomes judge(Map<Integer, HostileMessages.Hostile> written, Map<Long, Integer> hostileUids, Map<Long, List<String>> reasons,
                                  Set<String> interviews) {
        List<String> failures = new ArrayList<>();
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class); // written, quarantined, interview, neither
        Map<Kind, String> sampleReason = new EnumMap<>(Kind.class);
        for (Map.Entry<Long, Integer> e : hostileUids.entrySet()) {
            HostileMessages.Hostile h = written.get(e.getValue());
            List<String> why = reasons.getOrDefault(e.getKey(), List.of());
            boolean quarantined = !why.isEmpty();
            boolean interview = h.interviewUid() != null && interviews.contains(h.interviewUid())
                    || interviews.stream().anyMatch(u -> u.contains("hostile-" + h.kind().name().toLowerCase(Locale.ROOT) + "-" + h.index() + "@"));
            int[] c = counts.computeIfAbsent(h.kind(), k -> new int[4]);
            c[0]++;
            c[quarantined ? 1 : interview ? 2 : 3]++;
            if (quarantined) {
                sampleReason.putIfAbsent(h.kind(), why.get(0));
            }
            String what = "hostile message " + h.index() + " (UID " + e.getKey() + ", " + h.kind() + (h.detail().isEmpty() ? "" : ", " + h.detail()) + ")";
            if (why.stream().anyMatch(r -> r == null || r.isBlank())) {
                failures.add(what + " quarantined without a reason");
            }
            switch (h.kind().expect) {
                case QUARANTINED -> {
                    if (!quarantined || interview) {
                        failures.add(what + ": expected quarantined, " + (interview ? "became an interview" : "was not quarantined"));
                    }
                }
                case INTERVIEW -> {
                    if (quarantined || !interview) {
                        failures.add(what + ": expected an interview, " + (quarantined ? "quarantined: " + why : "no interview"));
                    }
                }
                case READ -> {
                    if (quarantined || interview) {
                        failures.add(what + ": expected read and left alone, " + (quarantined ? "quarantined: " + why : "became an interview"));
                    }
                }
                case QUARANTINED_OR_INTERVIEW -> {
                    if (quarantined == interview) {
                        failures.add(what + ": expected quarantined or an interview, " + (quarantined ? "both" : "neither"));
                    }
                }
                case ANY -> { }
            }
        }
        for (Map.Entry<Long, List<String>> e : reasons.entrySet()) {
            if (!hostileUids.containsKey(e.getKey())) {
                failures.add("ordinary message INBOX UID " + e.getKey() + " quarantined: " + e.getValue());
            }
        }
        List<String> table = new ArrayList<>(List.of("kind\tcatalogue\texpected\tmessages\tquarantined\tinterview\tneither\ta reason"));
        counts.forEach((kind, c) -> table.add(String.join("\t", kind.name(), kind.catalogue, kind.expect.name(), Integer.toString(c[0]),
                Integer.toString(c[1]), Integer.toString(c[2]), Integer.toString(c[3]), sampleReason.getOrDefault(kind, "-"))));
        return new Outcomes(table, failures);
    }

    /** Writes the hostile messages into {@code cur/}, spread over the generator's three years, named {@code ….hostile-<i>,S=<size>}. */
    private static Map<Integer, HostileMessages.Hostile> writeHostile(Path cur, HostileMessages hostile, int count, Instant now, long[] bytes)
            throws IOException {
        Instant first = now.minus(3 * 365, ChronoUnit.DAYS);
        long span = now.toEpochMilli() - first.toEpochMilli();
        Map<Integer, HostileMessages.Hostile> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis(span * i / Math.max(1, count) + 1_000);
            HostileMessages.Hostile h = hostile.message(i, at);
            bytes[0] += h.data().length;
            Files.write(cur.resolve(String.format(Locale.ROOT, "%d.M9%06dP%d.hostile-%d,S=%d:2,", at.getEpochSecond(), i,
                    ProcessHandle.current().pid(), i, h.data().length)), h.data());
            // The bytes are not kept: the 30 MB ones would weigh on this JVM.
            out.put(i, new HostileMessages.Hostile(h.kind(), i, new byte[0], h.interviewUid(), h.detail() + (h.data().length > (1 << 20)
                    ? (h.detail().isEmpty() ? "" : ", ") + h.data().length + " bytes" : "")));
        }
        return out;
    }

    /** The UIDs of the generator's information-interview invitations: Subject says so, Message-ID gives the UID. */
    private static Set<String> generatorInterviews(Path cur) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.list(cur)) {
            for (Path f : files.toList()) {
                String head;
                try (InputStream in = Files.newInputStream(f)) {
                    head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                int blank = head.indexOf("\n\n");
                String headers = MimeUtility.unfold(blank < 0 ? head : head.substring(0, blank));
                String subject = header(headers, "Subject");
                String messageId = header(headers, "Message-ID");
                if (subject == null || messageId == null || !messageId.startsWith("<gen-")) {
                    continue;
                }
                String decoded = MimeUtility.decodeText(subject);
                if (decoded.contains("Entretien d'information") || decoded.contains("Information interview")) {
                    out.add(messageId.substring(1, messageId.length() - 1).replace(".msg@", "@"));
                }
            }
        }
        return out;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** Reads a {@code dovecot-uidlist}: the hostile messages' UIDs into {@code hostile} (UID → index); returns the last UID. */
    private static long readUidList(Path uidList, Map<Long, Integer> hostile) throws IOException {
        long last = 0;
        List<String> lines = Files.readAllLines(uidList, StandardCharsets.ISO_8859_1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            long uid = Long.parseLong(f[0]);
            last = Math.max(last, uid);
            Matcher m = HOSTILE_FILE.matcher(line);
            if (m.find()) {
                hostile.put(uid, Integer.parseInt(m.group(1)));
            }
        }
        return last;
    }

    /** Quarantined INBOX messages (by UID: the reasons of the message and of its parts) and the interviews' UIDs; returns {rows}. */
    private static int[] readDatabase(Path database, Map<Long, List<String>> reasons, Set<String> interviews) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT source, item, reason FROM quarantine")) {
                while (rs.next()) {
                    rows++;
                    Matcher m = ITEM.matcher(rs.getString(2));
                    if (!rs.getString(1).equals(MessageArrivals.SOURCE) || !m.matches() || !m.group(1).equals("INBOX")) {
                        throw new IllegalStateException("unexpected quarantine item " + rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    }
                    reasons.computeIfAbsent(Long.parseLong(m.group(3)), u -> new ArrayList<>()).add(rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT uid FROM interview")) {
                while (rs.next()) {
                    interviews.add(rs.getString(1));
                }
            }
        }
        return new int[] {rows};
    }

    /** The daemon in a JVM of its own: the unit's flags, the heap capped at {@link #HEAP_MB}, {@code bench.daemon.jvm} after them. */
    private static Process startDaemon(Path dir, Path config, DaemonOutput output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service"))) {
            if (!flag.startsWith("-Xmx")) {
                command.add(flag);
            }
        }
        command.add("-Xmx" + HEAP_MB + "m");
        String extra = System.getProperty("bench.daemon.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        String classPath = Path.of("target", "rebond.jar").toAbsolutePath() + System.getProperty("path.separator")
                + Path.of("target", "test-classes").toAbsolutePath();
        command.addAll(List.of("-cp", classPath, DaemonProcess.class.getName(), config.toString()));
        // Standard error and output (the BENCH lines are read from output; a JVM's fatal errors go to either) kept apart.
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("daemon.log").toFile()).start();
        Thread reader = new Thread(() -> output.read(process), "bench-daemon-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void figure(String name, double value) {
        String line = String.format(Locale.ROOT, value == Math.rint(value) ? "%s %.0f" : "%s %.3f", name, value);
        figures.add(line);
        System.out.println(line);
    }
}
