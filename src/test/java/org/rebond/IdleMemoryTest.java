package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.store.Database;

class IdleMemoryTest {

    @TempDir
    Path dir;

    @Test
    void givingMemoryBackCollectsAndLeavesTheDatabaseReadyForTheNextMessage() {
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            db.update("INSERT INTO folder_cursor (folder, uidvalidity, last_uid, updated_at) VALUES (?,?,?,?)", "INBOX", 7, 41, "2024-06-11T10:00:00Z");
            AtomicInteger collections = new AtomicInteger();

            new IdleMemory(db, collections::incrementAndGet).release();

            assertThat(collections).hasValue(1);
            assertThat(db.queryOne("SELECT last_uid FROM folder_cursor WHERE folder = ?", rs -> rs.getLong(1), "INBOX")).contains(41L);
            db.update("UPDATE folder_cursor SET last_uid = ? WHERE folder = ?", 42, "INBOX");
            assertThat(db.queryOne("SELECT last_uid FROM folder_cursor WHERE folder = ?", rs -> rs.getLong(1), "INBOX")).contains(42L);
        }
    }

    @Test
    void memoryIsGivenBackAFewSecondsAfterTheFirstPassAndAgainAMinuteLater() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            new IdleMemory(db, () -> { }).afterFirstPass(executor);

            List<Long> delays = executor.getQueue().stream().map(task -> ((ScheduledFuture<?>) task).getDelay(TimeUnit.SECONDS)).sorted().toList();
            assertThat(delays).hasSize(2);
            assertThat(delays.get(0)).isBetween(Duration.ofSeconds(4).toSeconds(), Duration.ofSeconds(5).toSeconds());
            assertThat(delays.get(1)).isBetween(Duration.ofSeconds(59).toSeconds(), Duration.ofSeconds(60).toSeconds());
        } finally {
            executor.shutdownNow();
        }
    }
}
