package org.rebond;

import java.util.Arrays;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretReader;
import org.rebond.store.Database;

/** Opens the database the configuration's {@code storage:} names: the SQLite file, or PostgreSQL with its password read from its source. */
public final class StateDatabase {

    private StateDatabase() {
    }

    public static Database open(RebondConfig.Storage storage) {
        if (!storage.postgresql()) {
            return Database.open(storage.database(), storage.inStateDirectory());
        }
        char[] password = storage.password() == null ? null : new SecretReader().read(storage.password());
        try {
            return Database.openPostgres(storage.url(), storage.username(), password, storage.poolSize(), storage.schema());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The database as messages name it: the SQLite file, or PostgreSQL's URL (which holds no password). */
    public static String where(RebondConfig.Storage storage) {
        if (!storage.postgresql()) {
            return storage.database().toString();
        }
        return storage.schema() == null ? storage.url() : storage.url() + " [" + storage.schema() + "]";
    }
}
