-- The last word from each server, for status: when the daemon last heard the mailbox (a sync, an
-- IDLE or a NOOP answered), and how each calendar source's last sync went.
ALTER TABLE mailbox_state ADD COLUMN last_contact_at VARCHAR(40);

CREATE TABLE calendar_source_state (
    source          TEXT PRIMARY KEY,          -- the source's name, e.g. CalDAV https://dav.example.org/camille/
    last_sync_at    TEXT,                      -- the last sync that succeeded
    problem         TEXT NOT NULL DEFAULT '',  -- why the last sync failed, empty when it succeeded
    problem_since   TEXT,
    next_attempt_at TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
