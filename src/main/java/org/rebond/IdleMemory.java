package org.rebond;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.rebond.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back after a burst of work. A first scan fills the heap with short-lived batches
 * and the database connections' page caches with the pages it wrote; the actions that waited for
 * it, the texts filled in afterwards and a large delivery do the same on a smaller scale. The
 * daemon then mostly waits in IDLE and needs little of either. From the end of the first pass
 * on, the heap the JVM holds is looked at every {@link #CHECK_EVERY}; when it has grown by
 * {@link #GROWTH} since memory was last given back, the idle database connections are closed and
 * a full collection runs ({@link #shrinkingCollection()}) that shrinks the heap down to what is
 * live and returns the rest to the system. A look that finds nothing to give back costs nothing.
 */
final class IdleMemory {

    private static final Logger log = LoggerFactory.getLogger(IdleMemory.class);

    /** The first look, a few seconds after the first pass (the actions waiting for it have mostly fired). */
    static final Duration FIRST_CHECK = Duration.ofSeconds(5);
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    /** How much the heap must have grown since the last time memory was given back. */
    static final long GROWTH = 16L * 1024 * 1024;

    private final Runnable closeIdleConnections;
    private final Runnable collector;
    private final LongSupplier heapHeld;
    /** The heap held just after memory was last given back; 0 before the first time. */
    private long heldAfterRelease;

    /**
     * @param closeIdleConnections closes the idle database connections and their page caches:
     *                             {@link Database#releaseMemory()}, of every account's database
     *                             when the process follows several
     * @param collector            a full collection: {@link #shrinkingCollection()}
     * @param heapHeld             the heap the JVM holds, in bytes: {@code Runtime.getRuntime()::totalMemory}
     */
    IdleMemory(Runnable closeIdleConnections, Runnable collector, LongSupplier heapHeld) {
        this.closeIdleConnections = closeIdleConnections;
        this.collector = collector;
        this.heapHeld = heapHeld;
    }

    /** Looks at the heap on {@code executor}, at {@link #FIRST_CHECK} then every {@link #CHECK_EVERY}. */
    void afterFirstPass(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::check, FIRST_CHECK.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives memory back if the heap grew by {@link #GROWTH} since the last time (always, the first time). */
    void check() {
        try {
            if (heldAfterRelease == 0 || heapHeld.getAsLong() > heldAfterRelease + GROWTH) {
                release();
            }
        } catch (RuntimeException e) {
            log.debug("memory not given back this time: {}", e.toString()); // the next look tries again
        }
    }

    /**
     * A full collection after which the serial collector keeps at most 30% of the heap free
     * (instead of 70%), in one step (the units set {@code -XX:-ShrinkHeapInSteps}); the usual
     * ratios come back at once, so that a scan's collections still grow the heap freely instead
     * of collecting the whole heap over and over. Where the JVM does not let those ratios be
     * changed, a plain full collection.
     */
    static void shrinkingCollection() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
            System.gc();
        } catch (RuntimeException notManageable) {
            System.gc();
        } finally {
            try {
                vm.setVMOption("MaxHeapFreeRatio", max);
                vm.setVMOption("MinHeapFreeRatio", min);
            } catch (RuntimeException notManageable) {
                log.debug("heap ratios not restored: {}", notManageable.toString());
            }
        }
    }

    /** Closes the idle database connections, then collects. */
    void release() {
        closeIdleConnections.run();
        collector.run();
        heldAfterRelease = heapHeld.getAsLong();
    }
}
