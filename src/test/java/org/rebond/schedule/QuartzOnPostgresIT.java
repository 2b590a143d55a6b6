package org.rebond.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.SteppedClock;
import org.rebond.store.Database;
import org.rebond.store.PostgresDatabases;

/**
 * The scheduler's tests again with Quartz's job store on a real PostgreSQL, clustered as a node of
 * a cluster runs it; skipped, saying so, without PostgreSQL.
 */
class QuartzOnPostgresIT extends QuartzActionSchedulerTest {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Override
    Database database(Path file) {
        return postgres.open(file);
    }

    @Override
    boolean clustered() {
        return true;
    }

    @Test
    void aClusteredNodeChecksInUnderANameOfItsOwn() {
        Database db = postgres.open(Path.of("check-in"));
        QuartzActionScheduler node = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }),
                new SteppedClock(Instant.parse("2026-12-07T08:00:00Z")), java.time.Clock.systemUTC(), 1, true);
        try {
            node.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !db.query("SELECT instance_name FROM qrtz_scheduler_state",
                    rs -> rs.getString(1)).isEmpty());
            assertThat(db.query("SELECT instance_name, checkin_interval FROM qrtz_scheduler_state",
                    rs -> rs.getString(1) + " " + rs.getLong(2)))
                    .singleElement().satisfies(row -> assertThat(row).doesNotStartWith("NON_CLUSTERED").endsWith(" 7500"));
        } finally {
            node.stop(false);
            db.close();
        }
    }
}
