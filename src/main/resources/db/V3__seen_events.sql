-- Issue 4: events seen but not taken (so `rebond track` can follow one later), the updates of a
-- delivered prep event, and the requests the track/ignore commands leave for the daemon.

-- One row per calendar identity rebond saw and did not take as an information interview.
CREATE TABLE seen_event (
    id                INTEGER PRIMARY KEY,
    uid               VARCHAR(1000) NOT NULL,
    recurrence_id     VARCHAR(64)   NOT NULL DEFAULT '',
    sequence_no       INTEGER       NOT NULL,
    dtstamp           VARCHAR(40),
    start_at          VARCHAR(40)   NOT NULL,
    end_at            VARCHAR(40)   NOT NULL,
    zone              VARCHAR(64)   NOT NULL,
    floating          BOOLEAN       NOT NULL,
    summary           TEXT          NOT NULL,
    location          TEXT          NOT NULL,
    organizer         VARCHAR(320)  NOT NULL,
    organizer_name    TEXT          NOT NULL,
    -- one attendee per line: email TAB name TAB role TAB partstat
    attendees         TEXT          NOT NULL,
    contact_email     VARCHAR(320)  NOT NULL,
    contact_name      TEXT          NOT NULL,
    referrer          TEXT          NOT NULL,
    reason            TEXT          NOT NULL,
    source_message_id VARCHAR(1000) NOT NULL,
    -- SEEN, TRACKED (became an interview), IGNORED (never detected again), CANCELLED
    state             VARCHAR(16)   NOT NULL,
    interview_id      INTEGER,
    seen_at           VARCHAR(40)   NOT NULL,
    UNIQUE (uid, recurrence_id)
);

-- Each version of a delivered prep event after the brief: the interview moved, was cancelled or reinstated.
CREATE TABLE prep_update (
    interview_id    INTEGER      NOT NULL REFERENCES interview (id),
    prep_sequence   INTEGER      NOT NULL,
    previous_start  VARCHAR(40)  NOT NULL,
    previous_end    VARCHAR(40)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL,
    PRIMARY KEY (interview_id, prep_sequence)
);

-- Written by `rebond track` / `rebond ignore` (and REPLAN requests), applied by the one process that
-- holds the instance lock: the daemon, or the command itself when no daemon runs.
CREATE TABLE pending_command (
    id            INTEGER PRIMARY KEY,
    command       VARCHAR(16)  NOT NULL,
    target        VARCHAR(32)  NOT NULL,
    requested_at  VARCHAR(40)  NOT NULL,
    applied_at    VARCHAR(40),
    result        VARCHAR(32),
    interview_id  INTEGER,
    detail        TEXT
);
CREATE INDEX pending_command_open ON pending_command (applied_at);
