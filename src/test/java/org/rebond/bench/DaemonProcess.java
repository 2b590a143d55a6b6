package org.rebond.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.rebond.App;
import org.rebond.application.MessageArrivals;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;

/**
 * The daemon as the benchmark runs it: the production composition ({@link App} with the system
 * clock) in a JVM of its own, started with the heap flags of the systemd unit, so that its
 * resident set and CPU time can be read from {@code /proc/<pid>} without the benchmark's own
 * work mixed in. The only addition is an intake listener that prints, on standard output, one
 * line per invitation taken as an interview: {@code BENCH taken <System.nanoTime()> <kind> <uid>}, and one each time
 * IDLE ends on new mail: {@code BENCH noticed <System.nanoTime()>}; on Linux
 * {@code nanoTime} is CLOCK_MONOTONIC, shared by every process of the machine.
 *
 * <p>Arguments: the configuration file. Stops on SIGTERM, as under systemd.
 */
public final class DaemonProcess {

    private DaemonProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        RebondConfig config = new ConfigLoader().load(Path.of(args[0]));
        MessageArrivals.Listener intake = (what, outcome) -> {
            long now = System.nanoTime();
            if (outcome.interview() == null) {
                return; // an invitation that is no interview: nothing the benchmark counts or waits for
            }
            String uid = outcome.interview().uid();
            synchronized (out) {
                out.println("BENCH taken " + now + " " + outcome.kind() + " " + uid);
            }
        };
        out.println("BENCH starting " + System.nanoTime());
        App app = App.start(config, App.Options.production(Clock.systemUTC()).withListeners((id, action, result) -> { }, intake));
        app.watcher().whenNewMailNoticed(nanos -> {
            synchronized (out) {
                out.println("BENCH noticed " + nanos);
            }
        });
        app.watcher().firstPass().thenRun(() -> {
            long now = System.nanoTime();
            synchronized (out) {
                out.println("BENCH firstpass " + now);
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "bench-daemon-stop"));
        out.println("BENCH started " + System.nanoTime());
        stopped.await();
    }
}
