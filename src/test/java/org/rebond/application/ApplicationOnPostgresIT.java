package org.rebond.application;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.store.Database;
import org.rebond.store.PostgresDatabases;

/**
 * The use cases' tests that go through the SQL stores and Quartz, run again on a real PostgreSQL
 * (Quartz clustered there is left to {@code QuartzOnPostgresIT}); skipped, saying so, without it.
 */
class ApplicationOnPostgresIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Nested
    class Interviews extends InterviewServiceTest {
        @Override
        Database database(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class InterviewNotesAndReferrers extends InterviewServiceNotesAndReferrersTest {
        @Override
        Database database(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class InterviewTracking extends InterviewServiceTrackingTest {
        @Override
        Database database(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class LateNotes extends LateNotesTest {
        @Override
        Database database(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class Arrivals extends MessageArrivalsTest {
        @Override
        Database database(Path file) {
            return postgres.open(file);
        }
    }
}
