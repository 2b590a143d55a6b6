package org.rebond.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rebond.application.StoreException;

/**
 * The schema's versions: the scripts {@code db/V1..Vn}, one set for both databases (see
 * {@link Dialect#translate}), those missing applied in order, all in one transaction with the new version. The
 * version is the number of scripts applied: SQLite keeps it in {@code PRAGMA user_version} (as
 * every rebond did, so existing files go on from where they are); PostgreSQL in the one row of
 * {@code rebond_schema}, and nodes starting together take turns on an advisory lock, so that only
 * the first applies what is missing.
 */
final class Migrations {

    /** Migrations in order; the schema version is the number of migrations applied. */
    static final List<String> SCRIPTS = List.of("db/V1__schema.sql", "db/V2__quartz.sql", "db/V3__seen_events.sql",
            "db/V4__mailbox_state.sql",
            "db/V5__calendar_sources.sql", "db/V6__uidvalidity_changes.sql", "db/V7__history_indexes.sql", "db/V8__party_by_email.sql",
            "db/V9__party_address_ids.sql", "db/V10__notes_next_steps.sql", "db/V11__draft_digest.sql",
            "db/V12__notes_sources.sql", "db/V13__contact_circle.sql", "db/V14__news_told.sql", "db/V15__server_contact.sql",
            "db/V16__account_lease.sql", "db/V17__party_by_date.sql", "db/V18__contact_lookups.sql");
    /** Any number of rebond's own, the same for every node: the advisory lock migrations take on PostgreSQL. */
    private static final long MIGRATION_LOCK = 0x7265626f6e64L;

    private Migrations() {
    }

    /** The version of the schema {@code c} holds, 0 when it holds none. */
    static int version(Connection c, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL && !tableExists(c, "rebond_schema")) {
            return 0;
        }
        String sql = dialect == Dialect.SQLITE ? "PRAGMA user_version" : "SELECT version FROM rebond_schema";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Brings the schema of {@code c} to the latest version; {@code where} names the database in
     * messages. A schema newer than this rebond knows is refused.
     */
    static void migrate(Connection c, Dialect dialect, String where, String otherPlace) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
        }
        try {
            int current = version(c, dialect);
            if (current > SCRIPTS.size()) {
                throw new StoreException(null, "store.newer", where, current, SCRIPTS.size(), otherPlace);
            }
            if (current < SCRIPTS.size()) {
                applyAll(c, dialect, current);
            }
        } finally {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
        }
    }

    /**
     * Applies the scripts after {@code current} in one transaction: all of them and the new version,
     * or nothing. One commit, one wait for the disk: a new database has eighteen scripts to take.
     */
    private static void applyAll(Connection c, Dialect dialect, int current) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                for (String sql : statements(script(SCRIPTS.get(version - 1)))) {
                    st.execute(dialect.translate(sql));
                }
                if (dialect == Dialect.POSTGRESQL && version == 1) {
                    st.execute("CREATE TABLE rebond_schema (version INTEGER NOT NULL)");
                    st.execute("INSERT INTO rebond_schema (version) VALUES (0)");
                }
            }
            st.execute(dialect == Dialect.SQLITE ? "PRAGMA user_version = " + SCRIPTS.size() : "UPDATE rebond_schema SET version = " + SCRIPTS.size());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String script(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: one per {@code ;} at the end of a line, comment lines left out. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
