package org.rebond.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** Lines the daemon prints on standard output: {@code BENCH starting|started <nanos>}, {@code BENCH taken <nanos> <kind> <uid>}. */
final class DaemonOutput {
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

    /** Notes an instant of the benchmark's own, such as the moment the daemon's process was started. */
    void mark(String mark, long nanos) {
        marks.put(mark, nanos);
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
