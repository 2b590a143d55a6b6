-- The steps the user records with 'rebond milestone' (METHOD M7): news for everyone, or for the one
-- contact whose address is given.
CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    at          VARCHAR(40)  NOT NULL,
    text        TEXT         NOT NULL,
    contact     VARCHAR(320) NOT NULL DEFAULT ''
);

-- What each keeping-you-posted draft tells a contact (a meeting, a milestone, a next step, an
-- article, by key), so the next one tells only what is newer. Only the rows of drafts the outbox
-- says were delivered count as told.
CREATE TABLE news_told (
    contact       VARCHAR(320) NOT NULL,
    interview_id  INTEGER      NOT NULL REFERENCES interview (id),
    action        VARCHAR(32)  NOT NULL,
    item          VARCHAR(200) NOT NULL,
    told_at       VARCHAR(40)  NOT NULL,
    PRIMARY KEY (interview_id, action, item)
);
CREATE INDEX news_told_contact ON news_told (contact);
