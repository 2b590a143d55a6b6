-- The parties of each message, stored in the order they are looked up: by address, then message.
-- One B-tree (WITHOUT ROWID, keyed by address and message) instead of three (the rows, the primary
-- key on message and address, the index on address): each message kept writes fewer pages, and
-- the history's writes were most of a first scan's database time. No foreign key: SQLite would
-- search this table by message for every message deleted (forgetting a folder whose UIDVALIDITY
-- changed), and the history writes and deletes a message with its parties in one transaction.
CREATE TABLE message_party_by_email (
    email         VARCHAR(320)  NOT NULL,
    message_row   INTEGER       NOT NULL,
    PRIMARY KEY (email, message_row)
) WITHOUT ROWID;
INSERT INTO message_party_by_email (email, message_row) SELECT email, message_row FROM message_party;
DROP TABLE message_party;
ALTER TABLE message_party_by_email RENAME TO message_party;
