-- UIDVALIDITY changes seen on each followed folder (BAD-INPUTS B39). A change makes rebond read the
-- folder again; a folder whose UIDVALIDITY keeps changing (3 times within 24 hours) is no longer
-- read, and the pause is kept here so that status and doctor, other processes, can show it.

CREATE TABLE uidvalidity_change (
    id           INTEGER      PRIMARY KEY,
    folder       VARCHAR(200) NOT NULL,
    old_value    BIGINT       NOT NULL,
    new_value    BIGINT       NOT NULL,
    changed_at   VARCHAR(40)  NOT NULL
);
CREATE INDEX uidvalidity_change_folder ON uidvalidity_change (folder);

-- A folder rebond stopped reading; the row goes when the daemon starts again (which reads it again).
CREATE TABLE folder_pause (
    folder       VARCHAR(200) PRIMARY KEY,
    changes      INTEGER      NOT NULL,
    old_value    BIGINT       NOT NULL,
    new_value    BIGINT       NOT NULL,
    paused_at    VARCHAR(40)  NOT NULL
);
