-- Drafts carry no header of rebond's: rebond knows them by their Message-ID, and keeps a digest
-- of what it wrote (SHA-256 of the subject and the text, whitespace folded) to tell whether the
-- user touched a draft before replacing it. A revision of the thank-you (notes that came after it)
-- is an outbox row of its own, THANK_YOU_REVISION_n, which names the draft it replaces.
ALTER TABLE outbox ADD COLUMN digest VARCHAR(64);
ALTER TABLE outbox ADD COLUMN replaces VARCHAR(200);

-- Notes that came after the thank-you draft was delivered: each asks for one revision of it.
CREATE TABLE draft_revision (
    interview_id  INTEGER     NOT NULL REFERENCES interview (id),
    number        INTEGER     NOT NULL,
    created_at    VARCHAR(40) NOT NULL,
    PRIMARY KEY (interview_id, number)
);
