-- The history is looked up by party (message_party_email) and by folder and UID, never by sender
-- or Message-ID alone: these two indexes only cost a random B-tree write per message kept, which
-- on a first scan of 100,000 messages was a large share of what SQLite wrote.
DROP INDEX IF EXISTS message_from;
DROP INDEX IF EXISTS message_mid;
