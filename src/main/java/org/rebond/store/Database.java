package org.rebond.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.rebond.application.StoreException;
import org.rebond.application.Transactions;

/**
 * rebond's state: by default one SQLite file (HikariCP with the pragmas that make concurrent
 * writers safe: WAL, synchronous=FULL, busy_timeout, IMMEDIATE transactions), or a PostgreSQL
 * database shared by the nodes of a cluster ({@link #openPostgres}). Both get the same versioned
 * migrations ({@link Migrations}); a schema written by a newer rebond is refused.
 */
public final class Database implements AutoCloseable, Transactions {

    /** SQLite's files beside the database, which hold its pages too. */
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private final HikariDataSource dataSource;
    /** What {@link #dataSource()} hands out: the pool's connections, or the one of this thread's {@link #inOneTransaction}. */
    private final DataSource joiningDataSource;
    private final Dialect dialect;
    /** The SQLite file; null on PostgreSQL. */
    private final Path file;
    /** The database as messages name it: the file, or the JDBC URL (which holds no password). */
    private final String where;
    /** The connection of the {@link #inOneTransaction} running on this thread, if any. */
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();
    /** What to forget if the transaction running on this thread is rolled back ({@link #onRollback}). */
    private final ThreadLocal<List<Runnable>> rollbackHooks = new ThreadLocal<>();

    private Database(HikariDataSource dataSource, Dialect dialect, Path file, String where) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.file = file;
        this.where = where;
        this.joiningDataSource = new JoiningDataSource(dataSource, joined::get);
    }

    /**
     * Opens (creating when absent) and migrates the database at {@code file}, its folder being one
     * the user chose: created {@code 0700} when missing, else left as it is (see {@link #open(Path, boolean)}).
     */
    public static Database open(Path file) {
        return open(file, false);
    }

    /**
     * Opens (creating when absent) and migrates the database at {@code file}, private to the user
     * running rebond whatever the umask: the file and its {@code -wal}, {@code -shm} and
     * {@code -journal} are {@code 0600}, the folders created for it {@code 0700}; those already
     * there that others can open are tightened, with a warning. SQLite creates its {@code -wal}
     * and {@code -shm} with the mode of the database file (not the umask's), so the file is made
     * {@code 0600}, or created empty so, before SQLite opens it.
     *
     * @param stateDirectory the file's folder is rebond's state directory, its own: tightened to
     *                       {@code 0700} too if others can enter it (not a folder the user chose,
     *                       which may be their home)
     */
    public static Database open(Path file, boolean stateDirectory) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null && stateDirectory) {
                PrivateFiles.keepFolderPrivate(parent);
            } else if (parent != null) {
                PrivateFiles.createFolders(parent);
            }
        } catch (IOException e) {
            throw new StoreException(e, "store.folder", file, e.getMessage());
        }
        refuseIfNotSqlite(file);
        try {
            PrivateFiles.createFile(file);
        } catch (IOException e) {
            throw new StoreException(e, "store.create", file, e.getClass().getSimpleName());
        }
        tightenCompanions(file);
        HikariConfig config = new HikariConfig();
        config.setPoolName("rebond-db");
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE"
                // A scan writes the history in large batches: a 4 MB page cache per connection (8 MB
                // held 8 MB more at the peak of a 100,000-message scan, for no speed: the pages come
                // from the system's cache), and a checkpoint every 8,000 WAL pages (32 MB) rather than
                // every 1,000, so the index pages a batch rewrites are copied into the database once
                // for many batches; the WAL file is cut back to 64 MB after a checkpoint. The driver's
                // "SELECT last_insert_rowid()" after every update is turned off: rebond numbers the rows.
                + "&cache_size=-4000&wal_autocheckpoint=8000&journal_size_limit=67108864&jdbc.get_generated_keys=false");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(config);
        Database db = new Database(ds, Dialect.SQLITE, file, file.toString());
        try {
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        // Made by SQLite meanwhile, with the database file's mode: checked all the same.
        tightenCompanions(file);
        return db;
    }

    /**
     * Opens and migrates a PostgreSQL database ({@code jdbc:postgresql://host:port/name}), which
     * several rebond nodes may share. The password may be null (peer, trust or a ~/.pgpass).
     *
     * @param poolSize the most connections this node opens
     */
    public static Database openPostgres(String url, String username, char[] password, int poolSize) {
        return openPostgres(url, username, password, poolSize, null);
    }

    /**
     * As above, with rebond's tables in {@code schema} (made when missing; null for the URL's own):
     * each account of a configuration that names several has a schema of its own in one database.
     */
    public static Database openPostgres(String url, String username, char[] password, int poolSize, String schema) {
        HikariConfig config = new HikariConfig();
        if (schema != null) {
            if (!schema.matches("[a-z0-9_]{1,63}")) {
                throw new IllegalArgumentException("not a schema name rebond makes: " + schema);
            }
            config.setSchema(schema);
        }
        config.setPoolName("rebond-db");
        config.setJdbcUrl(url);
        if (username != null) {
            config.setUsername(username);
        }
        if (password != null) {
            config.setPassword(new String(password));
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(config);
        Database db = new Database(ds, Dialect.POSTGRESQL, null, schema == null ? url : url + " [" + schema + "]");
        try {
            if (schema != null) {
                db.inTransaction(c -> execute(c, "CREATE SCHEMA IF NOT EXISTS " + schema));
            }
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return db;
    }

    private static void tightenCompanions(Path file) {
        for (String suffix : COMPANIONS) {
            PrivateFiles.tighten(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    /**
     * A file that is there but is not SQLite (BAD-INPUTS B60) is refused at once: the pool would
     * otherwise retry until its timeout and report only that no connection was available.
     */
    private static void refuseIfNotSqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] header = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new StoreException(e, "store.read", file, e.getMessage());
        }
        if (read > 0 && !new String(header, 0, read, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
            throw new StoreException(null, "store.not.sqlite", file);
        }
    }

    /**
     * The connections, for Quartz's job store and the tests. On a thread running
     * {@link #inOneTransaction}, it hands out that transaction's connection, so Quartz's writes join
     * it (its commit, rollback and close then apply to a savepoint: see {@link JoiningDataSource}).
     */
    public DataSource dataSource() {
        return joiningDataSource;
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /** The database as messages name it: the SQLite file, or PostgreSQL's JDBC URL. */
    public String where() {
        return where;
    }

    public Dialect dialect() {
        return dialect;
    }

    public static int latestVersion() {
        return Migrations.SCRIPTS.size();
    }

    public int version() {
        try (Connection c = dataSource.getConnection()) {
            return Migrations.version(c, dialect);
        } catch (SQLException e) {
            throw new StoreException(e, "store.read.failed", e.getMessage());
        }
    }

    private void migrate() {
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.SQLITE) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                    String verdict = rs.next() ? rs.getString(1) : "ok";
                    if (!"ok".equalsIgnoreCase(verdict)) {
                        throw new StoreException(null, "store.damaged", file, verdict);
                    }
                }
            }
            Migrations.migrate(c, dialect, where, dialect == Dialect.SQLITE ? "storage.database" : "storage.url");
        } catch (SQLException e) {
            throw new StoreException(e, "store.open", where, e.getMessage());
        }
    }

    static List<String> statements(String script) {
        return Migrations.statements(script);
    }

    /** Reads rows (inside this thread's {@link #inOneTransaction}, what it wrote so far included). */
    public <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        Connection own = joined.get();
        try (Connection pooled = own == null ? dataSource.getConnection() : null) {
            Connection c = own != null ? own : pooled;
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException(e, "store.read.failed", e.getMessage());
        }
    }

    public <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... params) {
        List<T> rows = query(sql, reader, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs one statement in its own short transaction; returns the count of rows it changed. */
    public long update(String sql, Object... params) {
        return inTransaction(c -> execute(c, sql, params));
    }

    /** Runs one {@code INSERT … RETURNING id} in its own short transaction; returns the new row's id. */
    public long insert(String sql, Object... params) {
        return inTransaction(c -> insert(c, sql, params));
    }

    /** Runs work in one short write transaction (never hold it across I/O). */
    public <T> T inTransaction(Work<T> work) {
        return transaction(work, false);
    }

    /**
     * As {@link #inTransaction}, but the commit does not wait for the disk ({@code synchronous=NORMAL}
     * for this transaction only): for what the mailbox can give again, a scan batch's history
     * with its folder cursor. In WAL mode commits stay in order and whole, so a power cut can
     * only lose the last such batches, together with their cursor, and the next scan reads them
     * again; any later commit that waits for the disk keeps them too.
     */
    public <T> T inBulkTransaction(Work<T> work) {
        return transaction(work, true);
    }

    /**
     * Runs {@code work} in one transaction that does not wait for the disk (as
     * {@link #inBulkTransaction}): every read and write it makes on this thread through this
     * database, {@link #dataSource()} included (Quartz's job store), goes to one connection, each
     * {@link #inTransaction} inside being a savepoint, rolled back alone when it fails, each
     * {@link #inBulkTransaction} inside a part of it that fails it whole when it fails. For a scan
     * batch: its history, what its invitations led to and the folder's cursor in one commit instead
     * of several per invitation (what the mailbox gives again; a power cut loses it all together,
     * cursor included, and the messages are read again). It holds the database's write lock
     * throughout: keep it short, and take any lock its work takes before calling it (the interview
     * service's), never after. Nested calls join the outer one.
     */
    @Override
    public void inOneTransaction(Runnable work) {
        if (joined.get() != null) {
            work.run();
            return;
        }
        newTransaction(true, true, c -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        return inTransaction(c -> work.get());
    }

    /**
     * Runs {@code undo} if the transaction running on this thread, or the savepoint it is in, is
     * rolled back: for what a caller keeps in memory about rows it wrote (an address's number).
     * Outside a transaction, nothing is registered.
     */
    public void onRollback(Runnable undo) {
        List<Runnable> hooks = rollbackHooks.get();
        if (hooks != null) {
            hooks.add(undo);
        }
    }

    /** Runs and drops the rollback hooks registered since the list had {@code size} of them. */
    private void rolledBack(int size) {
        List<Runnable> hooks = rollbackHooks.get();
        if (hooks == null) {
            return;
        }
        while (hooks.size() > size) {
            hooks.remove(hooks.size() - 1).run();
        }
    }

    private void commitWithoutWaiting(Connection c, boolean on) throws SQLException {
        String sql = dialect.commitWithoutWaiting(on);
        if (sql != null) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private <T> T transaction(Work<T> work, boolean bulk) {
        Connection own = joined.get();
        if (own != null && bulk) {
            // Straight into the transaction, no savepoint: SQLite would copy every page it changes
            // to a statement journal first (a history batch's thousands). If it fails, the whole
            // transaction does.
            try {
                return work.run(own);
            } catch (SQLException e) {
                throw new StoreException(e, "store.write.failed", e.getMessage());
            }
        }
        if (own != null) {
            return inSavepoint(own, work);
        }
        return newTransaction(bulk, false, work);
    }

    /**
     * {@code work} in a transaction of its own on a connection of the pool, committed at the end;
     * {@code bulk}: the commit does not wait for the disk; {@code joinThread}: every read and write
     * this thread makes meanwhile goes to it ({@link #inOneTransaction}).
     */
    private <T> T newTransaction(boolean bulk, boolean joinThread, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (bulk && dialect == Dialect.SQLITE) {
                commitWithoutWaiting(c, true);
            }
            c.setAutoCommit(false);
            if (bulk && dialect == Dialect.POSTGRESQL) {
                commitWithoutWaiting(c, true);
            }
            if (joinThread) {
                joined.set(c);
            }
            rollbackHooks.set(new ArrayList<>());
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                rolledBack(0);
                throw e;
            } finally {
                if (joinThread) {
                    joined.remove();
                }
                rollbackHooks.remove();
                c.setAutoCommit(true);
                if (bulk) {
                    commitWithoutWaiting(c, false);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e, "store.write.failed", e.getMessage());
        }
    }

    /** {@code work} inside the running transaction of {@code c}, undone alone when it fails. */
    private <T> T inSavepoint(Connection c, Work<T> work) {
        List<Runnable> hooks = rollbackHooks.get();
        int hooksBefore = hooks == null ? 0 : hooks.size();
        try {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = work.run(c);
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                c.releaseSavepoint(savepoint);
                rolledBack(hooksBefore);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e, "store.write.failed", e.getMessage());
        }
    }

    /** Executes one statement on a connection inside {@link #inTransaction}; returns the count of rows it changed. */
    public static long execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Executes one {@code INSERT … RETURNING id} on a connection inside {@link #inTransaction}; returns the new row's id. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no id came back from " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /**
     * Gives back the memory a burst of writes left behind: the pool's idle connections are closed
     * (each held up to its 8 MB page cache, kept for a scan's bulk writes), and the pool opens new
     * ones, with empty caches, when it is next asked. A connection in use is closed when returned.
     */
    public void releaseMemory() {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
