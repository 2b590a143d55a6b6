package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rebond.application.StoreException;

/** How writes are grouped into transactions, the same on SQLite and on PostgreSQL ({@link StoresOnPostgresIT}). */
class DatabaseTransactionsTest extends StoreTestBase {



    @Test
    void anOutboxRowForAnInterviewThatDoesNotExistIsRefused() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            assertThatThrownBy(() -> db.update("INSERT INTO outbox (interview_id, action, state, created_at, updated_at) VALUES (?,?,?,?,?)",
                    999, "BRIEF", "SKIPPED", "2025-03-01T10:00:00Z", "2025-03-01T10:00:00Z"))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("foreign key"));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> {
                Database.execute(c, "INSERT INTO quarantine (source, item, reason, created_at) VALUES ('INBOX', 'uid 1', 'x', 'now')");
                throw new IllegalStateException("disk full");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(db.queryOne("SELECT COUNT(*) FROM quarantine", rs -> rs.getInt(1))).contains(0);
        }
    }

    private static void quarantine(Connection c, String item) throws SQLException {
        Database.execute(c, "INSERT INTO quarantine (source, item, reason, created_at) VALUES ('INBOX', ?, 'x', 'now')", item);
    }

    private static List<String> quarantined(Database db) {
        return db.query("SELECT item FROM quarantine ORDER BY id", rs -> rs.getString(1));
    }

    @Test
    void inOneTransactionAFailedPieceIsUndoneAloneAndTheRestIsCommittedTogetherAtTheEnd() throws Exception {
        try (Database db = open(dir.resolve("rebond.db"))) {
            List<List<String>> seenFromAnotherConnection = new ArrayList<>();
            db.inOneTransaction(() -> {
                db.inTransaction(c -> {
                    quarantine(c, "uid 1");
                    return null;
                });
                assertThatThrownBy(() -> db.inTransaction(c -> {
                    quarantine(c, "uid 2");
                    throw new IllegalStateException("this invitation cannot be taken");
                })).isInstanceOf(IllegalStateException.class);
                db.inBulkTransaction(c -> {
                    quarantine(c, "uid 3");
                    return null;
                });
                assertThat(quarantined(db)).as("read on the same thread: what it wrote so far").containsExactly("uid 1", "uid 3");
                // Another thread reads what was committed before: nothing yet.
                Thread reader = new Thread(() -> seenFromAnotherConnection.add(quarantined(db)));
                reader.start();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(seenFromAnotherConnection).containsExactly(List.of());
            assertThat(quarantined(db)).containsExactly("uid 1", "uid 3");
        }
    }

    @Test
    void aBulkWriteThatFailsInsideOneTransactionFailsItWhole() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            assertThatThrownBy(() -> db.inOneTransaction(() -> {
                db.inTransaction(c -> {
                    quarantine(c, "uid 1");
                    return null;
                });
                db.inBulkTransaction(c -> {
                    quarantine(c, "uid 2");
                    throw new IllegalStateException("disk full");
                });
            })).hasMessage("disk full");

            assertThat(quarantined(db)).isEmpty();
        }
    }

    @Test
    void aConnectionTakenFromTheDataSourceInsideOneTransactionJoinsItAndItsRollbackUndoesOnlyItsOwnWrites() throws Exception {
        try (Database db = open(dir.resolve("rebond.db"))) {
            db.inOneTransaction(() -> {
                try {
                    db.inTransaction(c -> {
                        quarantine(c, "uid 1");
                        return null;
                    });
                    // As Quartz's job store does: take a connection, write, commit or roll back, close.
                    try (Connection quartz = db.dataSource().getConnection()) {
                        quartz.setAutoCommit(false);
                        quarantine(quartz, "trigger kept");
                        quartz.commit();
                    }
                    try (Connection quartz = db.dataSource().getConnection()) {
                        quartz.setAutoCommit(false);
                        quarantine(quartz, "trigger refused");
                        quartz.rollback();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(quarantined(db)).containsExactly("uid 1", "trigger kept");

            assertThatThrownBy(() -> db.inOneTransaction(() -> {
                try (Connection quartz = db.dataSource().getConnection()) {
                    quarantine(quartz, "uid 9");
                    quartz.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the batch failed");
            })).hasMessage("the batch failed");
            assertThat(quarantined(db)).as("the failed transaction took the joined write with it").containsExactly("uid 1", "trigger kept");
        }
    }
}
