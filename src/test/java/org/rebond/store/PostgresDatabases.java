package org.rebond.store;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rebond.realserver.PostgresCluster;

/**
 * For store tests written against a file ({@code Database.open(dir.resolve("rebond.db"))}): the
 * same test on PostgreSQL, each file it names standing for a database of the test run's cluster
 * of its own, new for each test, the same again when the test opens that file again.
 */
public final class PostgresDatabases implements BeforeEachCallback {

    private PostgresCluster cluster;
    private final Map<Path, String> urls = new ConcurrentHashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster = PostgresCluster.shared(context);
        urls.clear();
    }

    /** The database standing for {@code file} in this test, migrated to the latest version. */
    public Database open(Path file) {
        String url = urls.computeIfAbsent(file, f -> cluster.newDatabase());
        return Database.openPostgres(url, PostgresCluster.USER, cluster.password().toCharArray(), 4);
    }

    /** The test run's cluster. */
    public PostgresCluster cluster() {
        return cluster;
    }

    /** A new database for this test. */
    public Database open() {
        return Database.openPostgres(cluster.newDatabase(), PostgresCluster.USER, cluster.password().toCharArray(), 4);
    }
}
