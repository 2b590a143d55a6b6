package org.rebond.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What {@code /proc} says of a process, a server's processes and the machine: processor time and memory. */
final class ProcStats {

    private ProcStats() {}

static final int CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
}

/**
 * CPU time of a Dovecot instance, in clock ticks: its master, its live child processes (the
 * mail and login processes), and the children that already ended and were waited for
 * (cutime, cstime of each).
 */
static long serverCpuTicks(long masterPid) throws IOException {
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
static Map<String, Double> threadCpuSeconds(long pid) throws IOException {
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
static long machineBusyTicks() throws IOException {
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
}
