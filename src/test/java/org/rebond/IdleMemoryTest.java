package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.store.Database;

class IdleMemoryTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void givingMemoryBackCollectsAndLeavesTheDatabaseReadyForTheNextMessage() {
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            db.update("INSERT INTO folder_cursor (folder, uidvalidity, last_uid, updated_at) VALUES (?,?,?,?)", "INBOX", 7, 41, "2024-06-11T10:00:00Z");
            AtomicInteger collections = new AtomicInteger();

            new IdleMemory(db::releaseMemory, collections::incrementAndGet, () -> 40 * MB).release();

            assertThat(collections).hasValue(1);
            assertThat(db.queryOne("SELECT last_uid FROM folder_cursor WHERE folder = ?", rs -> rs.getLong(1), "INBOX")).contains(41L);
            db.update("UPDATE folder_cursor SET last_uid = ? WHERE folder = ?", 42, "INBOX");
            assertThat(db.queryOne("SELECT last_uid FROM folder_cursor WHERE folder = ?", rs -> rs.getLong(1), "INBOX")).contains(42L);
        }
    }

    @Test
    void memoryIsGivenBackAfterTheFirstPassThenOnlyWhenTheHeapHasGrown() {
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            AtomicInteger collections = new AtomicInteger();
            AtomicLong heap = new AtomicLong(120 * MB);
            IdleMemory memory = new IdleMemory(db::releaseMemory, () -> {
                collections.incrementAndGet();
                heap.set(40 * MB); // what the collection left
            }, heap::get);

            memory.check(); // the first look, after the first pass
            assertThat(collections).hasValue(1);
            heap.set(50 * MB);
            memory.check(); // grew a little: nothing to do
            assertThat(collections).hasValue(1);
            heap.set(70 * MB);
            memory.check(); // a burst of work since
            assertThat(collections).hasValue(2);
        }
    }

    @Test
    void theHeapIsLookedAtAFewSecondsAfterTheFirstPassAndThenEveryHalfMinute() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            new IdleMemory(db::releaseMemory, () -> { }, () -> 0).afterFirstPass(executor);

            List<Long> delays = executor.getQueue().stream().map(task -> ((ScheduledFuture<?>) task).getDelay(TimeUnit.SECONDS)).toList();
            assertThat(delays).hasSize(1);
            assertThat(delays.get(0)).isBetween(4L, 5L);
            assertThat(IdleMemory.CHECK_EVERY).hasSeconds(30);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theShrinkingCollectionLeavesTheCollectorsUsualRatiosInPlace() {
        var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();

        IdleMemory.shrinkingCollection();

        assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }
}
