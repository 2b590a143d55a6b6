package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.StoreException;

class DatabaseTest {

    @TempDir
    Path dir;

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.getString(1);
        }
    }

    @Test
    void interviewsAreLookedUpByAddressThroughAnIndexNotByReadingEveryInterview() {
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            for (String lookup : List.of(SqlInterviewStore.WITH_CONTACT, SqlInterviewStore.MET_THANKS_TO, SqlInterviewStore.KNOWN_CONTACT)) {
                Object[] address = java.util.Collections.nCopies((int) lookup.chars().filter(ch -> ch == '?').count(), "Claire@Acme.example").toArray();
                List<String> plan = db.query("EXPLAIN QUERY PLAN " + lookup, rs -> rs.getString("detail"), address);
                assertThat(plan).as(lookup).noneMatch(step -> step.startsWith("SCAN interview") || step.startsWith("SCAN referral"))
                        .anyMatch(step -> step.contains("USING INDEX interview_"));
            }
        }
    }

    @Test
    void aNewDatabaseIsMigratedToTheLatestVersion() {
        try (Database db = Database.open(dir.resolve("state/rebond.db"))) {
            assertThat(Database.latestVersion()).isPositive();
            assertThat(db.version()).isEqualTo(Database.latestVersion());
            assertThat(db.query("SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1)))
                    .contains("interview", "outbox", "message", "quarantine", "journal", "uidvalidity_change", "folder_pause")
                    .anyMatch(name -> name.equalsIgnoreCase("QRTZ_TRIGGERS"));
        }
    }

    @Test
    void reopeningADatabaseKeepsItsVersionAndItsRows() {
        Path file = dir.resolve("rebond.db");
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(file)) {
            new SqlQuarantine(db, clock).add("INBOX", "uid 7", "calendar part too large");
        }

        try (Database again = Database.open(file)) {
            assertThat(again.version()).isEqualTo(Database.latestVersion());
            assertThat(new SqlQuarantine(again, clock).all()).extracting(SqlQuarantine.Item::item).containsExactly("uid 7");
        }
        try (Database third = Database.open(file)) {
            assertThat(third.version()).isEqualTo(Database.latestVersion());
        }
    }

    @Test
    void aHistoryKeptBeforeThePartiesWereStoredByAddressThenByAddressNumberIsStillFoundByAddressAfterTheUpgrades() throws Exception {
        Path file = dir.resolve("rebond.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (int version = 1; version <= 7; version++) {
                String prefix = "db/V" + version + "__";
                String resource;
                try (var listing = Files.list(Path.of(getClass().getClassLoader().getResource("db").toURI()))) {
                    resource = "db/" + listing.map(p -> p.getFileName().toString()).filter(n -> ("db/" + n).startsWith(prefix)).findFirst().orElseThrow();
                }
                try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    for (String sql : Database.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 7");
            st.execute("INSERT INTO message (id, folder, uidvalidity, uid, message_id, in_reply_to, refs, sent_at, from_email, from_name, "
                    + "recipients, subject, excerpt, sample) VALUES (1, 'INBOX', 1, 10, '<a@x>', '', '', '2024-05-02T09:00:00Z', "
                    + "'jeanne@acme.example', 'Jeanne', 'camille@example.org', 'Bonjour', '', '')");
            st.execute("INSERT INTO message_party (message_row, email) VALUES (1, 'jeanne@acme.example'), (1, 'camille@example.org')");
        }

        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(Database.latestVersion());
            SqlMessageHistory history = new SqlMessageHistory(db, Set.of("camille@example.org"));
            assertThat(history.with("jeanne@acme.example", 10)).extracting(SqlMessageHistory.SeenMessage::subject).containsExactly("Bonjour");
            assertThat(history.with("camille@example.org", 10)).hasSize(1);
            history.forgetFolder("INBOX", 1);
            assertThat(history.with("jeanne@acme.example", 10)).isEmpty();
        }
    }

    @Test
    void aDatabaseWrittenByANewerRebondIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("rebond.db");
        Database.open(file).close();
        int newer = Database.latestVersion() + 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + newer);
        }

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer rebond")
                .hasMessageContaining("schema " + newer)
                .hasMessageContaining("Upgrade rebond");
        assertThat(userVersion(file)).isEqualTo(newer);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("rebond.db");
        Files.writeString(file, "this is not SQLite at all, just a text file that happens to be long enough to have a header. ".repeat(20));

        long began = System.nanoTime();
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an SQLite database")
                .hasMessageContaining("Restore a backup or move it aside");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("refused at once, not after the pool's timeout")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void everyPooledConnectionHasWalFullSyncAndForeignKeys() throws Exception {
        try (Database db = Database.open(dir.resolve("rebond.db"))) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(db.dataSource().getConnection());
                }
                for (Connection c : held) {
                    assertThat(pragma(c, "journal_mode")).isEqualToIgnoringCase("wal");
                    assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(c, "synchronous")).isEqualTo("2");
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void migrationScriptsAreSplitIntoStatementsWithoutComments() {
        List<String> statements = Database.statements("""
                -- a comment
                CREATE TABLE a (x INTEGER);

                CREATE TABLE b (
                    y TEXT -- inline comments stay
                );
                INSERT INTO a VALUES (1)
                """);

        assertThat(statements).containsExactly("CREATE TABLE a (x INTEGER)",
                "CREATE TABLE b (\n    y TEXT -- inline comments stay\n)", "INSERT INTO a VALUES (1)");
    }
}
