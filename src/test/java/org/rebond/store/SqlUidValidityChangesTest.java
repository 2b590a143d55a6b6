package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebond.SteppedClock;
import org.rebond.mail.MailboxWatcher;

class SqlUidValidityChangesTest extends StoreTestBase {

    private static final Duration WINDOW = MailboxWatcher.UIDVALIDITY_CHANGE_WINDOW;



    private final SteppedClock clock = new SteppedClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Database db;
    private SqlUidValidityChanges changes;

    @BeforeEach
    void open() {
        db = open(dir.resolve("rebond.db"));
        changes = new SqlUidValidityChanges(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void onlyTheChangesOfTheLast24HoursOfTheSameFolderAreCounted() {
        assertThat(changes.record("INBOX", 1, 2, WINDOW)).isEqualTo(1);
        clock.advance(Duration.ofHours(20));
        assertThat(changes.record("INBOX", 2, 3, WINDOW)).isEqualTo(2);
        assertThat(changes.record("Sent", 7, 8, WINDOW)).as("another folder counts apart").isEqualTo(1);
        clock.advance(Duration.ofHours(4).plusSeconds(1));
        assertThat(changes.record("INBOX", 3, 4, WINDOW)).as("the first change is now more than 24 h old").isEqualTo(2);
        clock.advance(Duration.ofHours(20));
        assertThat(changes.record("INBOX", 4, 5, WINDOW)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(30));
        assertThat(changes.record("INBOX", 5, 6, WINDOW)).as("three changes within 24 h").isEqualTo(3);
    }

    @Test
    void theSameChangeSeenTwiceCountsOnceButAFlipBackCounts() {
        assertThat(changes.record("INBOX", 1, 2, WINDOW)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(changes.record("INBOX", 1, 2, WINDOW)).as("a read cut short and started again").isEqualTo(1);
        assertThat(changes.record("INBOX", 2, 1, WINDOW)).isEqualTo(2);
        assertThat(changes.record("INBOX", 1, 2, WINDOW)).isEqualTo(3);
    }

    @Test
    void aPauseIsSeenFromAnotherConnectionAndIsLiftedWithItsCountWhenTheDaemonStartsAgain() {
        // The daemon writes through the connection opened for each test; status reads through another.
        try (Database status = open(dir.resolve("rebond.db"))) {
            SqlUidValidityChanges written = changes;
            written.record("INBOX", 1, 2, WINDOW);
            written.record("INBOX", 2, 3, WINDOW);
            written.record("INBOX", 3, 4, WINDOW);
            written.record("Sent", 7, 8, WINDOW);
            written.pause("INBOX", 3, 3, 4);

            SqlUidValidityChanges read = new SqlUidValidityChanges(status, clock);
            assertThat(read.pauses()).containsExactly(new SqlUidValidityChanges.Pause("INBOX", 3, 3, 4, clock.instant()));
            assertThat(read.pauseOf("Sent")).isEmpty();

            assertThat(written.resumeAll()).extracting(SqlUidValidityChanges.Pause::folder).containsExactly("INBOX");
            assertThat(read.pauses()).isEmpty();
            assertThat(written.record("INBOX", 4, 5, WINDOW)).as("counted afresh after the restart").isEqualTo(1);
            assertThat(written.record("Sent", 8, 9, WINDOW)).as("a folder that was not paused keeps its count").isEqualTo(2);
        }
    }
}
