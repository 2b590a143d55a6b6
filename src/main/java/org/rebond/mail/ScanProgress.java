package org.rebond.mail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long first scan: count, rate and time left. On a terminal, one line on stderr
 * updated in place; under systemd (no console, or {@code JOURNAL_STREAM} set), a log line every
 * few seconds. Never more than one line per second either way.
 */
final class ScanProgress {

    private static final Logger log = LoggerFactory.getLogger(ScanProgress.class);
    private static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    /** Where the lines go. */
    interface Output {
        void line(String text);

        /** The scan is over (a terminal ends its line). */
        default void end() { }
    }

    private final String folder;
    private final long total;
    private final LongSupplier nanos;
    private final long everyNanos;
    private final Output output;
    private final long started;
    private long lastShown = Long.MIN_VALUE;
    private long done;

    ScanProgress(String folder, long total, LongSupplier nanos, Duration every, Output output) {
        this.folder = folder;
        this.total = total;
        this.nanos = nanos;
        this.everyNanos = Math.max(every.toNanos(), AT_MOST_EVERY.toNanos());
        this.output = output;
        this.started = nanos.getAsLong();
    }

    /**
     * Where a daemon's progress goes: one terminal line, shared by the folders read at the same
     * time (INBOX and Sent: the line shows whichever advanced last, and a folder read to its end
     * leaves its last line above), or the log under systemd.
     */
    record Display(Output output, boolean terminal) {
        static Display forDaemon() {
            boolean terminal = System.console() != null && System.getenv("JOURNAL_STREAM") == null;
            return new Display(terminal ? ScanProgress.terminal(System.err) : log::info, terminal);
        }
    }

    /** For the daemon: on its terminal line if it has one, else log lines every {@code logEvery}. */
    static ScanProgress of(String folder, long total, Duration logEvery, Display display) {
        return new ScanProgress(folder, total, System::nanoTime, display.terminal() ? AT_MOST_EVERY : logEvery, display.output());
    }

    /** One line rewritten in place; safe to share between the progresses of several folders. */
    static Output terminal(PrintStream err) {
        return new Output() {
            private int width;

            @Override
            public synchronized void line(String text) {
                String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
                width = text.length();
                err.print("\r" + padded);
                err.flush();
            }

            @Override
            public synchronized void end() {
                if (width > 0) {
                    err.print("\n");
                    err.flush();
                    width = 0;
                }
            }
        };
    }

    /** {@code n} more messages read; shows a line when one is due. */
    void advance(long n) {
        done += n;
        long now = nanos.getAsLong();
        if (done < total && (lastShown != Long.MIN_VALUE ? now - lastShown < everyNanos : now - started < everyNanos)) {
            return;
        }
        boolean recent = lastShown != Long.MIN_VALUE && now - lastShown < AT_MOST_EVERY.toNanos();
        if (!(done >= total && recent)) {
            lastShown = now;
            output.line(describe(now));
        }
        if (done >= total) {
            output.end();
        }
    }

    String describe(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        if (done >= total) {
            return String.format(Locale.ROOT, "read %s: %,d messages in %.1f s (%,d per second)", folder, done, seconds, Math.round(rate));
        }
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format(Locale.ROOT, "reading %s: %,d/%,d messages (%d%%), %,d per second, about %s left", folder, done, total,
                done * 100 / Math.max(total, 1), Math.round(rate), left < 0 ? "?" : format(left));
    }

    private static String format(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    long done() {
        return done;
    }
}
