-- Calendar sources (CalDAV collections, ICS URLs, .ics files and vdir folders): what was last seen,
-- so that each sync asks only for what changed (sync-token, ctag, ETags, HTTP validators).

CREATE TABLE calendar_collection (
    source        TEXT PRIMARY KEY,          -- e.g. caldav:https://dav.example.org/camille/work/
    sync_token    TEXT NOT NULL DEFAULT '',
    ctag          TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',  -- HTTP ETag of an ICS URL
    last_modified TEXT NOT NULL DEFAULT '',  -- HTTP Last-Modified of an ICS URL
    updated_at    TEXT NOT NULL
);

-- One row per calendar object seen. The body is kept only for objects holding an interview rebond
-- follows, so that a deletion (or an event gone from a feed) can cancel exactly those interviews.
CREATE TABLE calendar_object (
    source     TEXT NOT NULL,
    href       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    body       BLOB,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, href)
);

-- The prep events rebond wrote to the user's prep calendar (DESIGN, Deliver).
CREATE TABLE prep_calendar_event (
    interview_uid TEXT NOT NULL,
    recurrence_id TEXT NOT NULL,
    href          TEXT NOT NULL,
    etag          TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    start_at      TEXT NOT NULL,
    end_at        TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (interview_uid, recurrence_id)
);
