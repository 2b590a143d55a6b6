package org.rebond.store;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rebond.application.Quarantine;

/**
 * Inputs rebond will not process, each with its reason (DESIGN I5): recorded once, never retried
 * automatically, shown to the user by {@code status}.
 */
public final class SqlQuarantine implements Quarantine {

    private final Database db;
    private final Clock clock;

    public SqlQuarantine(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }


    /** Records an item; returns false when it was already there. */
    public boolean add(String source, String item, String reason) {
        return db.inTransaction(c -> {
            long updated = Database.execute(c, "UPDATE quarantine SET reason = reason WHERE source = ? AND item = ?", source, item);
            if (updated > 0) {
                return false;
            }
            Database.execute(c, "INSERT INTO quarantine (source, item, reason, created_at) VALUES (?,?,?,?)", source, item, reason, clock.instant().toString());
            return true;
        });
    }

    public boolean contains(String source, String item) {
        return db.queryOne("SELECT 1 FROM quarantine WHERE source = ? AND item = ?", rs -> 1, source, item).isPresent();
    }

    /** The items of a source that start with {@code prefix} (one folder's quarantined messages, read once per scan batch). */
    public Set<String> itemsStartingWith(String source, String prefix) {
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new HashSet<>(db.query("SELECT item FROM quarantine WHERE source = ? AND item LIKE ? ESCAPE '\\'",
                rs -> rs.getString(1), source, escaped + "%"));
    }

    public List<Item> all() {
        return db.query("SELECT source, item, reason, created_at FROM quarantine ORDER BY id",
                rs -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
    }
}
