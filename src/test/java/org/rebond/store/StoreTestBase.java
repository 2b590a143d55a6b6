package org.rebond.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store tests share: a folder of their own, and the one place where they open a
 * database — an SQLite file here, a PostgreSQL database in {@link StoresOnPostgresIT}, which runs
 * them again with {@link #open} overridden.
 */
abstract class StoreTestBase {

    @TempDir
    Path dir;

    /** The database the test runs on, standing for {@code file}. */
    Database open(Path file) {
        return Database.open(file);
    }
}
