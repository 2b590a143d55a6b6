package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.StoreException;

/** The schema on a real PostgreSQL: migrated by the first node that starts, versioned in a table, Quartz's tables as Quartz ships them. */
class PostgresSchemaIT {

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    private static final Path SHARED = Path.of("shared");

    @Test
    void aNewDatabaseIsMigratedToTheLatestVersionKeptInATableWithQuartzTablesAsQuartzShipsThem() {
        try (Database db = postgres.open(SHARED)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(db.version()).isEqualTo(Database.latestVersion());
            assertThat(db.queryOne("SELECT version FROM rebond_schema", rs -> rs.getInt(1))).contains(Database.latestVersion());
            assertThat(db.query("SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns "
                            + "WHERE table_name IN ('qrtz_job_details', 'qrtz_triggers', 'interview') "
                            + "AND column_name IN ('job_data', 'is_durable', 'id') ORDER BY 1", rs -> rs.getString(1)))
                    .containsExactly("interview.id bigint", "qrtz_job_details.is_durable boolean", "qrtz_job_details.job_data bytea",
                            "qrtz_triggers.job_data bytea");
        }
        try (Database again = postgres.open(SHARED)) {
            assertThat(again.version()).as("opened again: nothing to apply").isEqualTo(Database.latestVersion());
        }
    }

    @Test
    void threeNodesStartingTogetherOnANewDatabaseAllOpenItAndTheSchemaIsAppliedOnce() {
        List<CompletableFuture<Database>> nodes = List.of(
                CompletableFuture.supplyAsync(() -> postgres.open(SHARED)),
                CompletableFuture.supplyAsync(() -> postgres.open(SHARED)),
                CompletableFuture.supplyAsync(() -> postgres.open(SHARED)));
        for (CompletableFuture<Database> node : nodes) {
            try (Database db = node.join()) {
                assertThat(db.version()).isEqualTo(Database.latestVersion());
                assertThat(db.queryOne("SELECT COUNT(*) FROM rebond_schema", rs -> rs.getInt(1))).contains(1);
            }
        }
    }

    @Test
    void aDatabaseWrittenByANewerRebondIsRefusedNamingWhatToDo() {
        try (Database db = postgres.open(SHARED)) {
            db.update("UPDATE rebond_schema SET version = ?", Database.latestVersion() + 1);
        }
        assertThatThrownBy(() -> postgres.open(SHARED))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer rebond")
                .hasMessageContaining("storage.url");
    }
}
