package org.rebond.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rebond.application.AccountLeases;

/**
 * The leases in the {@code account_lease} table, one row per account, on SQLite and PostgreSQL
 * alike. Each change is one statement that the database applies whole, so two nodes can never
 * both hold a lease: taking it is an {@code INSERT … ON CONFLICT DO UPDATE … WHERE} that writes
 * the row only when it is new, its holder's own, or run out; renewing and releasing are
 * {@code UPDATE}s and {@code DELETE}s conditional on the holder.
 */
public final class SqlAccountLeases implements AccountLeases {

    private final Database db;
    private final Clock clock;

    public SqlAccountLeases(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean tryTake(String account, String node, Duration ttl) {
        Instant now = clock.instant();
        long taken = db.update("INSERT INTO account_lease (account, holder, expires_at, taken_at) VALUES (?,?,?,?) "
                        + "ON CONFLICT (account) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, "
                        + "taken_at = CASE WHEN account_lease.holder = excluded.holder AND account_lease.expires_at > ? "
                        + "THEN account_lease.taken_at ELSE excluded.taken_at END "
                        + "WHERE account_lease.holder = excluded.holder OR account_lease.expires_at <= ?",
                account, node, now.plus(ttl).toEpochMilli(), now.toString(), now.toEpochMilli(), now.toEpochMilli());
        return taken == 1;
    }

    @Override
    public boolean renew(String account, String node, Duration ttl) {
        Instant now = clock.instant();
        return db.update("UPDATE account_lease SET expires_at = ? WHERE account = ? AND holder = ? AND expires_at > ?",
                now.plus(ttl).toEpochMilli(), account, node, now.toEpochMilli()) == 1;
    }

    @Override
    public void release(String account, String node) {
        db.update("DELETE FROM account_lease WHERE account = ? AND holder = ?", account, node);
    }

    @Override
    public Optional<Lease> holder(String account) {
        return db.queryOne("SELECT holder, expires_at FROM account_lease WHERE account = ? AND expires_at > ?",
                rs -> new Lease(account, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))), account, clock.instant().toEpochMilli());
    }

    @Override
    public List<Lease> held() {
        return db.query("SELECT account, holder, expires_at FROM account_lease WHERE expires_at > ? ORDER BY account",
                rs -> new Lease(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), clock.instant().toEpochMilli());
    }
}
