package org.rebond.application;

import java.util.Optional;

/** Where the reading of each followed folder stands (UIDVALIDITY, last UID, HIGHESTMODSEQ). */
public interface FolderCursors {
    record Cursor(String folder, long uidValidity, long lastUid, long highestModseq) {}

    Optional<Cursor> get(String folder);

    /** Saves a cursor; inside a transaction already running on this thread, as a part of it. */
    void save(Cursor cursor);
}
