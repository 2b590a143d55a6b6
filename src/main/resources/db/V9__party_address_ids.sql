-- Each address once, with a number; the parties of a message refer to it by that number. An
-- entry of the parties' B-tree shrinks from the address itself (some 30 bytes) to two small
-- integers, so the tree has about five times fewer pages, and a scan batch, which adds parties to
-- most of the addresses a mailbox knows, rewrites that many fewer pages at each commit. The
-- addresses stay in lower case, as the history writes them.
CREATE TABLE address (
    id            INTEGER       PRIMARY KEY,
    email         VARCHAR(320)  NOT NULL UNIQUE
);
INSERT INTO address (email) SELECT DISTINCT email FROM message_party ORDER BY email;
CREATE TABLE message_party_by_address (
    address       INTEGER       NOT NULL,
    message_row   INTEGER       NOT NULL,
    PRIMARY KEY (address, message_row)
) WITHOUT ROWID;
INSERT INTO message_party_by_address (address, message_row)
    SELECT a.id, p.message_row FROM message_party p JOIN address a ON a.email = p.email ORDER BY a.id, p.message_row;
DROP TABLE message_party;
ALTER TABLE message_party_by_address RENAME TO message_party;
