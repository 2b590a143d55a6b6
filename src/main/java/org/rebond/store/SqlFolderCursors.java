package org.rebond.store;

import java.time.Clock;
import java.util.Optional;
import org.rebond.application.FolderCursors;

/** Where the reading of each folder stands (UIDVALIDITY, last UID, HIGHESTMODSEQ). */
public final class SqlFolderCursors implements FolderCursors {

    private final Database db;
    private final Clock clock;

    public SqlFolderCursors(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }


    public Optional<Cursor> get(String folder) {
        return db.queryOne("SELECT folder, uidvalidity, last_uid, highest_modseq FROM folder_cursor WHERE folder = ?",
                rs -> new Cursor(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), folder);
    }

    /** Saves a cursor; inside a transaction already running on this thread, as a savepoint of it. */
    @Override
    public void save(Cursor cursor) {
        db.inTransaction(c -> {
            long updated = Database.execute(c, "UPDATE folder_cursor SET uidvalidity = ?, last_uid = ?, highest_modseq = ?, updated_at = ? WHERE folder = ?",
                    cursor.uidValidity(), cursor.lastUid(), cursor.highestModseq(), clock.instant().toString(), cursor.folder());
            if (updated == 0) {
                Database.execute(c, "INSERT INTO folder_cursor (folder, uidvalidity, last_uid, highest_modseq, updated_at) VALUES (?,?,?,?,?)",
                        cursor.folder(), cursor.uidValidity(), cursor.lastUid(), cursor.highestModseq(), clock.instant().toString());
            }
            return null;
        });
    }
}
