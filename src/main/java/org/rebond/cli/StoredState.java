package org.rebond.cli;

import java.time.Clock;
import org.rebond.config.RebondConfig;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMailboxState;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.rebond.store.SqlUidValidityChanges;

/** The database opened for reading by the commands that do not run the daemon (status, preview). */
final class StoredState implements AutoCloseable {

    final Database database;
    final SqlInterviewStore store;
    final SqlOutbox outbox;
    final SqlQuarantine quarantine;
    final SqlMailboxState mailbox;
    final SqlUidValidityChanges validityChanges;

    StoredState(RebondConfig config, Clock clock) {
        if (!java.nio.file.Files.exists(config.storage().database())) {
            throw new ExitCodes.CommandFailure(ExitCodes.IO, "no database at " + config.storage().database()
                    + " yet — start rebond once (rebond run --config …) or check storage.database");
        }
        this.database = Database.open(config.storage().database());
        this.store = new SqlInterviewStore(database, clock);
        this.outbox = new SqlOutbox(database);
        this.quarantine = new SqlQuarantine(database, clock);
        this.mailbox = new SqlMailboxState(database, clock);
        this.validityChanges = new SqlUidValidityChanges(database, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
