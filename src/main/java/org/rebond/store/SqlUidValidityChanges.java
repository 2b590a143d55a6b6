package org.rebond.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rebond.application.UidValidityChanges;

/**
 * The UIDVALIDITY changes seen on each folder, and the folders rebond stopped reading because it
 * kept changing (BAD-INPUTS B39). The running daemon writes; {@code status} and {@code doctor}
 * read the pauses from another process.
 */
public final class SqlUidValidityChanges implements UidValidityChanges {


    private final Database db;
    private final Clock clock;

    public SqlUidValidityChanges(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records that {@code folder}'s UIDVALIDITY went from {@code from} to {@code to} now (unless
     * that is the change last recorded for the folder), forgets this folder's changes older than
     * {@code window}, and returns how many changes of the folder
     * fall within the window, this one included.
     */
    public int record(String folder, long from, long to, Duration window) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        return db.inTransaction(c -> {
            boolean seenAlready = false;
            try (var ps = c.prepareStatement("SELECT old_value, new_value FROM uidvalidity_change WHERE folder = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, folder);
                try (var rs = ps.executeQuery()) {
                    seenAlready = rs.next() && rs.getLong(1) == from && rs.getLong(2) == to;
                }
            }
            if (!seenAlready) { // the same change seen again (a read cut short before the cursor moved) counts once
                Database.execute(c, "INSERT INTO uidvalidity_change (folder, old_value, new_value, changed_at) VALUES (?,?,?,?)",
                        folder, from, to, now.toString());
            }
            // Instants are ISO text of varying precision: compared here, not in SQL.
            List<Long> old = new ArrayList<>();
            int recent = 0;
            try (var ps = c.prepareStatement("SELECT id, changed_at FROM uidvalidity_change WHERE folder = ?")) {
                ps.setString(1, folder);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (Instant.parse(rs.getString(2)).isAfter(horizon)) {
                            recent++;
                        } else {
                            old.add(rs.getLong(1));
                        }
                    }
                }
            }
            for (long id : old) {
                Database.execute(c, "DELETE FROM uidvalidity_change WHERE id = ?", id);
            }
            return recent;
        });
    }

    /** Marks the folder as no longer read, from now. */
    public void pause(String folder, int changes, long from, long to) {
        Instant now = clock.instant();
        db.inTransaction(c -> {
            Database.execute(c, "DELETE FROM folder_pause WHERE folder = ?", folder);
            Database.execute(c, "INSERT INTO folder_pause (folder, changes, old_value, new_value, paused_at) VALUES (?,?,?,?,?)",
                    folder, changes, from, to, now.toString());
            return null;
        });
    }

    public Optional<Pause> pauseOf(String folder) {
        return db.queryOne("SELECT folder, changes, old_value, new_value, paused_at FROM folder_pause WHERE folder = ?",
                SqlUidValidityChanges::readPause, folder);
    }

    /** Every paused folder, by name. */
    public List<Pause> pauses() {
        return db.query("SELECT folder, changes, old_value, new_value, paused_at FROM folder_pause ORDER BY folder",
                SqlUidValidityChanges::readPause);
    }

    /**
     * Lifts every pause, when the daemon starts: the user restarted it to have the folders read
     * again. The paused folders' changes are forgotten too, so the count starts afresh (the
     * first read after the restart sees the new UIDVALIDITY and counts it as the first change).
     *
     * @return the pauses lifted
     */
    public List<Pause> resumeAll() {
        return db.inTransaction(c -> {
            List<Pause> lifted = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT folder, changes, old_value, new_value, paused_at FROM folder_pause ORDER BY folder");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    lifted.add(readPause(rs));
                }
            }
            for (Pause p : lifted) {
                Database.execute(c, "DELETE FROM uidvalidity_change WHERE folder = ?", p.folder());
                Database.execute(c, "DELETE FROM folder_pause WHERE folder = ?", p.folder());
            }
            return lifted;
        });
    }

    private static Pause readPause(ResultSet rs) throws SQLException {
        return new Pause(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), Instant.parse(rs.getString(5)));
    }
}
