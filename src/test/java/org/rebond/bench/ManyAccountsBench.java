package org.rebond.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.rebond.realserver.DovecotServer;

/**
 * How memory grows per account (issue 18, item 2). Prints {@code key value} lines; it never
 * asserts a figure and fails only when something is functionally wrong (an account that never
 * reads its mailbox through, a daemon that dies or does not stop on SIGTERM within 60 s).
 *
 * <ol>
 *   <li>A Dovecot of its own with as many users as the largest count asks ({@code user01} …),
 *       each with a mailbox of {@code bench.account.messages} generated messages (INBOX and
 *       Sent), each folder selected once so that every run finds Dovecot's indexes made.</li>
 *   <li>For each count N of {@code bench.accounts}: a host configuration naming N accounts (one
 *       file each, no {@code storage:}), empty databases; {@code rebond run} in a JVM of its own
 *       started as the system unit starts it (its JVM flags, environment and priority: see
 *       {@link BenchDaemon}); {@code accounts_N_start_seconds} runs from the process's start until
 *       every account has logged {@code mailbox read through}. Then {@code bench.quiet.seconds}
 *       of quiet, after which VmRSS, VmHWM and the thread count are read from
 *       {@code /proc/PID/status}, and the processor time the quiet cost; the most threads seen
 *       while the accounts started (read every 50 ms), since the unit's {@code TasksMax=} counts them.</li>
 *   <li>What fills that memory, written beside the run ({@code target/bench-accounts/accounts-N/}):
 *       the threads by name ({@code jcmd Thread.print}), the heap ({@code GC.heap_info}), the
 *       JVM's native memory when the daemon runs with {@code -XX:NativeMemoryTracking}
 *       ({@code -Dbench.daemon.jvm=-XX:NativeMemoryTracking=summary}). Then the heap shrunk as
 *       a lone daemon's {@code IdleMemory} shrinks it (a full collection keeping at most 30%
 *       free), and the resident set read again: {@code accounts_N_rss_after_gc_mb}.</li>
 *   <li>SIGTERM, and the stop awaited for 60 s at most.</li>
 * </ol>
 * The per-account figures are the slopes between the smallest and the largest count.
 *
 * <p>{@code mvn -B -ntp -o verify -Pbench -Dit.test=ManyAccountsBench [-Dbench.accounts=1,10,50]
 * [-Dbench.account.messages=300] [-Dbench.quiet.seconds=20] [-Dbench.daemon.jvm=-Xmx512m]}
 */
class ManyAccountsBench {

    private static final List<Integer> COUNTS = Stream.of(System.getProperty("bench.accounts", "1,10,50").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted().distinct().toList();
    private static final int MESSAGES = Integer.getInteger("bench.account.messages", 300);
    private static final int QUIET_SECONDS = Integer.getInteger("bench.quiet.seconds", 20);
    /** How long all the accounts' first passes may take, from the process's start. */
    private static final Duration START_BOUND = Duration.ofSeconds(Integer.getInteger("bench.start.bound.seconds", 600));
    private static final Duration STOP_BOUND = Duration.ofSeconds(60);
    private static final Pattern FIRST_PASS = Pattern.compile("\\[([a-z0-9_-]+)\\] App: mailbox read through;");
    private static final Pattern GENERATION = Pattern.compile("(?:def new|tenured) generation\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    private final List<String> figures = new ArrayList<>();

    /** What one run of N accounts measured. */
    private record Run(int accounts, double rss, double peakRss, long threads, double rssAfterGc, double heapLive) {}

    @Test
    void benchmark() throws Exception {
        if (!DovecotServer.available()) {
            throw new IllegalStateException("the benchmark needs Dovecot: apt-get install dovecot-imapd");
        }
        if (COUNTS.isEmpty() || COUNTS.get(0) < 1) {
            throw new IllegalArgumentException("bench.accounts: counts of accounts, 1 or more, such as 1,10,50");
        }
        Path dir = Path.of("target", "bench-accounts").toAbsolutePath();
        BenchDaemon.deleteTree(dir);
        Files.createDirectories(dir);
        int most = COUNTS.get(COUNTS.size() - 1);
        // An IDLE connection per account, another while Sent is read, a login process for each: room for them all.
        DovecotServer dovecot = DovecotServer.start(dir.resolve("dovecot"),
                DovecotServer.Options.defaults().withQuota(null).withOnlyWriter().withProcessLimit(Math.max(100, 4 * most + 20)));
        List<String> problems = new ArrayList<>();
        try {
            Path password = BenchDaemon.writePassword(dir.resolve("imap-password"), dovecot.password());
            long t = System.nanoTime();
            long bytes = 0;
            int messages = 0;
            for (int i = 1; i <= most; i++) {
                String user = user(i);
                dovecot.addUser(user, dovecot.password());
                Path maildir = dovecot.maildir(user);
                MailboxGenerator.Summary summary = new MailboxGenerator(20240611L + i).write(maildir, maildir.resolve(".Sent"), MESSAGES,
                        Instant.now().minus(1, ChronoUnit.DAYS));
                bytes += summary.bytes();
                messages += summary.inbox() + summary.sent();
            }
            BenchDaemon.giveToMailUser(dovecot.dir().resolve("mail"));
            // Dovecot indexes every mailbox now, not during the first run that reads it.
            for (int i = 1; i <= most; i++) {
                try (RawImapClient client = new RawImapClient(dovecot.host(), dovecot.port())) {
                    client.login(user(i), dovecot.password());
                    client.select("INBOX", true);
                    client.select("Sent", true);
                }
            }
            figure("generate_seconds", seconds(System.nanoTime() - t));
            figure("account_messages", messages / (double) most);
            figure("account_mailbox_mb", bytes / 1e6 / most);

            List<Run> runs = new ArrayList<>();
            for (int n : COUNTS) {
                runs.add(measure(dir, dovecot, password, n, problems));
            }
            if (runs.size() > 1) {
                Run first = runs.get(0);
                Run last = runs.get(runs.size() - 1);
                double span = last.accounts() - first.accounts();
                figure("per_account_rss_mb", (last.rss() - first.rss()) / span);
                figure("per_account_peak_rss_mb", (last.peakRss() - first.peakRss()) / span);
                figure("per_account_threads", (last.threads() - first.threads()) / span);
                figure("per_account_rss_after_gc_mb", (last.rssAfterGc() - first.rssAfterGc()) / span);
                figure("per_account_heap_live_mb", (last.heapLive() - first.heapLive()) / span);
            }
        } finally {
            dovecot.stop();
            Files.write(dir.resolve("figures.txt"), figures);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    private Run measure(Path dir, DovecotServer dovecot, Path password, int n, List<String> problems) throws Exception {
        Path runDir = dir.resolve("accounts-" + n);
        Files.createDirectories(runDir.resolve("accounts"));
        StringBuilder host = new StringBuilder("# " + n + " accounts followed by one rebond\nstorage:\n  database: "
                + runDir.resolve("state").resolve("rebond.db") + "\naccounts:\n");
        for (int i = 1; i <= n; i++) {
            Files.writeString(runDir.resolve("accounts").resolve(user(i) + ".yaml"), BenchDaemon.accountYaml(dovecot, user(i), password));
            host.append("  - name: ").append(user(i)).append("\n    config: accounts/").append(user(i)).append(".yaml\n");
        }
        Path hostFile = runDir.resolve("rebond.yaml");
        Files.writeString(hostFile, host.toString());

        Map<String, Long> firstPasses = new ConcurrentHashMap<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<String> tail = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopLogged = new AtomicBoolean();
        Process daemon = BenchDaemon.startRun(dir, hostFile, runDir.resolve("daemon.log"), line -> {
            long now = System.nanoTime();
            Matcher m = FIRST_PASS.matcher(line);
            if (m.find()) {
                firstPasses.putIfAbsent(m.group(1), now);
            }
            if (line.contains("Host: rebond stopped")) {
                stopLogged.set(true);
            }
            if (line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("OutOfMemoryError")) {
                warnings.add(line);
            }
            synchronized (tail) {
                tail.add(line);
                if (tail.size() > 40) {
                    tail.remove(0);
                }
            }
        });
        // From the process's start (the class archive, made before the first one, not counted).
        long spawned = System.nanoTime();
        // The most threads seen, read at each look while the accounts start (under the unit, TasksMax= counts them).
        long[] mostThreads = {0};
        try {
            await(n + " accounts read through").atMost(START_BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!daemon.isAlive()) {
                            throw new IllegalStateException("rebond run (" + n + " accounts) exited with " + daemon.exitValue()
                                    + " after " + firstPasses.size() + " first passes; its last lines:\n" + lastLines(tail));
                        }
                        try {
                            mostThreads[0] = Math.max(mostThreads[0], ProcStats.procStatus(daemon.pid(), "Threads"));
                        } catch (IOException | IllegalStateException exiting) {
                            // the process is ending: the next look says so
                        }
                        return firstPasses.size() >= n;
                    });
            long allRead = Collections.max(firstPasses.values());
            figure("accounts_" + n + "_start_seconds", seconds(allRead - spawned));

            long pid = daemon.pid();
            long ticksBefore = ProcStats.cpuTicks(pid);
            long quietStart = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(QUIET_SECONDS)); // the quiet window itself, not a wait for a condition
            if (!daemon.isAlive()) {
                throw new IllegalStateException("rebond run (" + n + " accounts) exited with " + daemon.exitValue()
                        + " while quiet; its last lines:\n" + lastLines(tail));
            }
            double quietCpu = (ProcStats.cpuTicks(pid) - ticksBefore) / (double) ProcStats.CLOCK_TICKS;
            double quiet = seconds(System.nanoTime() - quietStart);
            double rss = ProcStats.procStatus(pid, "VmRSS") / 1024.0;
            double peak = ProcStats.procStatus(pid, "VmHWM") / 1024.0;
            long threads = ProcStats.procStatus(pid, "Threads");
            figure("accounts_" + n + "_rss_mb", rss);
            figure("accounts_" + n + "_peak_rss_mb", peak);
            figure("accounts_" + n + "_threads", threads);
            figure("accounts_" + n + "_peak_threads", Math.max(mostThreads[0], threads));
            figure("accounts_" + n + "_idle_cpu_percent", 100.0 * quietCpu / quiet);

            // What fills it: threads by name, the heap, the JVM's native memory if tracked.
            String threadDump = jcmd(pid, "Thread.print");
            Files.writeString(runDir.resolve("threads.txt"), threadDump);
            Files.write(runDir.resolve("threads-by-name.txt"), threadCensus(threadDump, n));
            String heap = jcmd(pid, "GC.heap_info");
            Files.writeString(runDir.resolve("heap.txt"), heap);
            long[] generations = generations(heap);
            figure("accounts_" + n + "_heap_committed_mb", generations[0] / 1024.0);
            figure("accounts_" + n + "_heap_used_mb", generations[1] / 1024.0);
            if (System.getProperty("bench.daemon.jvm", "").contains("NativeMemoryTracking")) {
                String nmt = jcmd(pid, "VM.native_memory", "summary");
                Files.writeString(runDir.resolve("native-memory.txt"), nmt);
                Matcher total = NMT_TOTAL.matcher(nmt);
                if (total.find()) {
                    figure("accounts_" + n + "_nmt_committed_mb", Long.parseLong(total.group(2)) / 1024.0);
                }
            }
            // As a lone daemon's IdleMemory does after its first pass: a full collection keeping at most 30% free.
            jcmd(pid, "VM.set_flag", "MinHeapFreeRatio", "10");
            jcmd(pid, "VM.set_flag", "MaxHeapFreeRatio", "30");
            jcmd(pid, "GC.run");
            String collected = jcmd(pid, "GC.heap_info");
            Files.writeString(runDir.resolve("heap-after-gc.txt"), collected);
            double heapLive = generations(collected)[1] / 1024.0;
            double rssAfterGc = ProcStats.procStatus(pid, "VmRSS") / 1024.0;
            figure("accounts_" + n + "_heap_live_mb", heapLive);
            figure("accounts_" + n + "_rss_after_gc_mb", rssAfterGc);

            long stopStart = System.nanoTime();
            // SIGTERM, as systemd stops it (through the handle: Process#destroy would also close the
            // pipe, and the log lines of the stop would be lost).
            daemon.toHandle().destroy();
            if (daemon.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                figure("accounts_" + n + "_stop_seconds", seconds(System.nanoTime() - stopStart));
                if (daemon.exitValue() != 143 && daemon.exitValue() != 0) {
                    problems.add("rebond run (" + n + " accounts) exited with " + daemon.exitValue() + " on SIGTERM");
                }
                try {
                    await("rebond run's last lines").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(stopLogged::get);
                } catch (ConditionTimeoutException e) {
                    problems.add("rebond run (" + n + " accounts) stopped without logging \"rebond stopped\"; its last lines:\n" + lastLines(tail));
                }
            } else {
                Files.writeString(runDir.resolve("threads-not-stopped.txt"), jcmd(pid, "Thread.print"));
                problems.add("rebond run (" + n + " accounts) still running " + STOP_BOUND.toSeconds() + " s after SIGTERM; threads in "
                        + runDir.resolve("threads-not-stopped.txt"));
            }
            figure("accounts_" + n + "_log_warnings", warnings.size());
            Files.write(runDir.resolve("warnings.txt"), warnings);
            return new Run(n, rss, peak, threads, rssAfterGc, heapLive);
        } finally {
            if (daemon.isAlive()) {
                daemon.destroyForcibly();
                daemon.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** The threads by name, the account's name and numbers taken out, most numerous first, with how many carry an account's name. */
    private static List<String> threadCensus(String threadDump, int accounts) {
        Map<String, Integer> byName = new TreeMap<>();
        int named = 0;
        for (String line : threadDump.lines().toList()) {
            if (!line.startsWith("\"")) {
                continue;
            }
            String name = line.substring(1, line.indexOf('"', 1));
            String general = name.replaceAll("user\\d+", "NAME").replaceAll("\\d+", "#");
            if (!general.equals(name.replaceAll("\\d+", "#"))) {
                named++;
            }
            byName.merge(general, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        out.add("# " + accounts + " accounts; threads naming an account: " + named);
        out.addAll(byName.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%5d  %s", e.getValue(), e.getKey())).collect(Collectors.toList()));
        return out;
    }

    /** Committed and used kilobytes of the serial collector's two generations, from {@code GC.heap_info}. */
    private static long[] generations(String heapInfo) {
        long[] out = new long[2];
        Matcher m = GENERATION.matcher(heapInfo);
        while (m.find()) {
            out[0] += Long.parseLong(m.group(1));
            out[1] += Long.parseLong(m.group(2));
        }
        return out;
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
        }
        return out;
    }

    private static String lastLines(List<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private static String user(int i) {
        return String.format(Locale.ROOT, "user%02d", i);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void figure(String name, double value) {
        String line = String.format(Locale.ROOT, value == Math.rint(value) && Math.abs(value) < 1e12 ? "%s %.0f" : "%s %.3f", name, value);
        figures.add(line);
        System.out.println(line);
    }
}
