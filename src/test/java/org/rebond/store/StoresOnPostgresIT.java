package org.rebond.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store tests, each run again on a real PostgreSQL (Debian's package, a throwaway cluster on
 * loopback: {@link org.rebond.realserver.PostgresCluster}); skipped, saying so, without it.
 */
class StoresOnPostgresIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @Nested
    class Transactions extends DatabaseTransactionsTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class FolderCursors extends SqlFolderCursorsTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class MessageHistory extends SqlMessageHistoryTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class Quarantine extends SqlQuarantineTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class UidValidityChanges extends SqlUidValidityChangesTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class AccountLeases extends SqlAccountLeasesTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }

    @Nested
    class CalendarState extends SqlCalendarStateTest {
        @Override
        Database open(Path file) {
            return postgres.open(file);
        }
    }
}
