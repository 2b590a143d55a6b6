package org.rebond.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rebond.SystemdUnit;
import org.rebond.bench.ClusterAccounts.Account;

/** A rebond node: {@code rebond run} in a JVM of its own, started as the system unit starts it; its log read as it grows. */
final class ClusterNode {
    final String name;
    final Path dir;
    final Path config;
    final Path log;
    Process process;
    long peakRssKb;
    long peakThreads;
    int errors;
    long interrupted;
    /** Account → when this node last said it follows it (System.nanoTime of the read); removed when it said it lost it. */
    final Map<String, Long> following = new HashMap<>();
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    private ClusterNode(String name, Path dir, Path config) {
        this.name = name;
        this.dir = dir;
        this.config = config;
        this.log = dir.resolve("rebond.log");
    }

    static ClusterNode start(String name, Path dir, Path config) throws IOException {
        ClusterNode node = new ClusterNode(name, dir, config);
        Files.createDirectories(dir);
        node.launch();
        return node;
    }

    private void launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        Path unit = Path.of("systemd", "rebond.service");
        command.addAll(SystemdUnit.jvmFlags(unit));
        // -Dcluster.node.jvm="-Xmx512m": flags of the test's own, after the unit's (the later wins).
        String extra = System.getProperty("cluster.node.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rebond.cli.Main", "run", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("JOURNAL_STREAM");
        builder.environment().putAll(SystemdUnit.environment(unit));
        // Each node's lock file in a state directory of its own, as on machines of their own.
        builder.environment().put("STATE_DIRECTORY", dir.toString());
        process = builder.start();
    }

    /** Reads what the log gained, and the peak resident set so far (VmHWM). */
    void poll() {
        if (process.isAlive()) {
            try {
                peakRssKb = Math.max(peakRssKb, ProcStats.procStatus(process.pid(), "VmHWM"));
                peakThreads = Math.max(peakThreads, ProcStats.procStatus(process.pid(), "Threads"));
            } catch (IOException | RuntimeException gone) {
                // it ended meanwhile
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            offset = length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        long now = System.nanoTime();
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            if (line.contains(" ERROR ")) {
                errors++;
            }
            if (line.contains("after an interruption")) {
                interrupted++;
            }
            after(line, "follows the account ").ifPresent(account -> following.put(account, now));
            after(line, "lost the lease of the account ").ifPresent(following::remove);
            after(line, "gives up the account ").ifPresent(following::remove);
        }
    }

    /** The account named right after {@code words} in a log line ({@code Host}'s lines), if they are in it. */
    private static Optional<String> after(String line, String words) {
        int at = line.indexOf(words);
        return at < 0 ? Optional.empty() : Optional.of(line.substring(at + words.length()).strip().split("[\\s:,;()]+")[0]);
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + tail());
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still runs 10 s after SIGKILL");
        }
    }

    /** The process's threads by name, numbers left out ({@code rebond-mailbox-#}), most numerous first. */
    String threadNames() {
        Map<String, Integer> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.merge(Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#"), 1, Integer::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
        return names.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---- who follows what ------------------------------------------------------------------------

    static Map<String, ClusterNode> followers(List<ClusterNode> nodes, List<Account> accounts) {
        return followers(nodes, accounts, Long.MIN_VALUE);
    }

    /** Each account to the live node that said last, since {@code sinceNanos}, that it follows it (and did not lose it since). */
    static Map<String, ClusterNode> followers(List<ClusterNode> nodes, List<Account> accounts, long sinceNanos) {
        Set<String> known = ClusterAccounts.names(accounts);
        Map<String, ClusterNode> out = new HashMap<>();
        Map<String, Long> when = new HashMap<>();
        for (ClusterNode node : nodes) {
            if (!node.process.isAlive()) {
                continue;
            }
            for (var e : node.following.entrySet()) {
                if (known.contains(e.getKey()) && e.getValue() >= sinceNanos && e.getValue() > when.getOrDefault(e.getKey(), Long.MIN_VALUE)) {
                    out.put(e.getKey(), node);
                    when.put(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    static long count(Map<String, ClusterNode> followers, ClusterNode node) {
        return followers.values().stream().filter(n -> n == node).count();
    }

    static String holdings(List<ClusterNode> nodes, List<Account> accounts) {
        Map<String, ClusterNode> f = followers(nodes, accounts);
        return nodes.stream().map(n -> n.name + " " + count(f, n)).collect(Collectors.joining(", "));
    }
}
