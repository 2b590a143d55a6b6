package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rebond.SteppedClock;

class SqlQuarantineTest extends StoreTestBase {



    @Test
    void anItemQuarantinedTwiceIsKeptOnceWithItsFirstReason() {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlQuarantine quarantine = new SqlQuarantine(db, clock);

            boolean first = quarantine.add("INBOX", "uidvalidity 1 uid 42", "calendar part larger than 1 MiB");
            clock.advance(Duration.ofHours(1));
            boolean second = quarantine.add("INBOX", "uidvalidity 1 uid 42", "something else");

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(quarantine.contains("INBOX", "uidvalidity 1 uid 42")).isTrue();
            assertThat(quarantine.all()).containsExactly(
                    new SqlQuarantine.Item("INBOX", "uidvalidity 1 uid 42", "calendar part larger than 1 MiB", Instant.parse("2025-03-01T10:00:00Z")));
        }
    }

    @Test
    void theSameItemFromAnotherSourceIsADifferentEntry() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlQuarantine quarantine = new SqlQuarantine(db, new SteppedClock(Instant.parse("2025-03-01T10:00:00Z")));

            quarantine.add("INBOX", "uid 1", "too deep");
            quarantine.add("caldav:work", "uid 1", "too many instances");

            assertThat(quarantine.all()).extracting(SqlQuarantine.Item::source).containsExactly("INBOX", "caldav:work");
            assertThat(quarantine.contains("Sent", "uid 1")).isFalse();
        }
    }
}
