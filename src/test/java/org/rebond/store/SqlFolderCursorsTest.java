package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rebond.SteppedClock;

class SqlFolderCursorsTest extends StoreTestBase {



    @Test
    void aCursorIsSavedThenMovedAndEachFolderHasItsOwn() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlFolderCursors cursors = new SqlFolderCursors(db, new SteppedClock(Instant.parse("2025-03-01T10:00:00Z")));
            assertThat(cursors.get("INBOX")).isEmpty();

            cursors.save(new SqlFolderCursors.Cursor("INBOX", 1, 10, 500));
            cursors.save(new SqlFolderCursors.Cursor("Sent", 7, 3, 0));
            cursors.save(new SqlFolderCursors.Cursor("INBOX", 1, 12, 510));

            assertThat(cursors.get("INBOX")).contains(new SqlFolderCursors.Cursor("INBOX", 1, 12, 510));
            assertThat(cursors.get("Sent")).contains(new SqlFolderCursors.Cursor("Sent", 7, 3, 0));
        }
    }

    @Test
    void aNewUidValidityReplacesTheCursorAndTheOldRowsAreForgotten() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlFolderCursors cursors = new SqlFolderCursors(db, new SteppedClock(Instant.parse("2025-03-01T10:00:00Z")));
            SqlMessageHistory history = new SqlMessageHistory(db, Set.of("sam@example.net"));
            cursors.save(new SqlFolderCursors.Cursor("INBOX", 1, 10, 0));
            history.record(new SqlMessageHistory.SeenMessage("INBOX", 1, 10, "<a@x.example>", "", List.of(),
                    Instant.parse("2025-02-01T10:00:00Z"), "claire@x.example", "Claire", List.of("sam@example.net"), "Hi", "", ""));

            // What the watcher does when the server reports UIDVALIDITY 2 for INBOX.
            history.forgetFolder("INBOX", cursors.get("INBOX").orElseThrow().uidValidity());
            cursors.save(new SqlFolderCursors.Cursor("INBOX", 2, 0, 0));

            assertThat(cursors.get("INBOX")).contains(new SqlFolderCursors.Cursor("INBOX", 2, 0, 0));
            assertThat(history.count()).isZero();
        }
    }
}
