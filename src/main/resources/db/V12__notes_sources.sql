-- Notes come in several goes (a reply to the debrief prompt, a second reply, `rebond notes`), each
-- added to the notes already kept: one row per source, so that the same message seen twice (in
-- INBOX and in Sent) still counts once. And the text a `rebond notes` request carries to the
-- process that applies it.
CREATE TABLE notes_source_v13 (
    interview_id      INTEGER       NOT NULL REFERENCES interview (id),
    source_message_id VARCHAR(1000) NOT NULL,
    received_at       VARCHAR(40)   NOT NULL,
    PRIMARY KEY (interview_id, source_message_id)
);
INSERT INTO notes_source_v13 (interview_id, source_message_id, received_at)
    SELECT interview_id, source_message_id, received_at FROM notes_source;
DROP TABLE notes_source;
ALTER TABLE notes_source_v13 RENAME TO notes_source;
ALTER TABLE pending_command ADD COLUMN payload TEXT;
