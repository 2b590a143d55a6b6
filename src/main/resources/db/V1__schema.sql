-- rebond's own tables. Instants are ISO-8601 UTC text (portable to PostgreSQL as TEXT or TIMESTAMPTZ).

CREATE TABLE interview (
    id               INTEGER PRIMARY KEY,
    uid              VARCHAR(1000) NOT NULL,
    recurrence_id    VARCHAR(64)   NOT NULL DEFAULT '',
    sequence_no      INTEGER       NOT NULL,
    dtstamp          VARCHAR(40),
    state            VARCHAR(16)   NOT NULL,
    start_at         VARCHAR(40)   NOT NULL,
    end_at           VARCHAR(40)   NOT NULL,
    zone             VARCHAR(64)   NOT NULL,
    floating         BOOLEAN       NOT NULL,
    summary          TEXT          NOT NULL,
    location         TEXT          NOT NULL,
    organizer        VARCHAR(320)  NOT NULL,
    contact_email    VARCHAR(320)  NOT NULL,
    contact_name     TEXT          NOT NULL,
    referrer_email   VARCHAR(320),
    referrer_name    TEXT,
    reason           TEXT          NOT NULL,
    source_message_id VARCHAR(1000) NOT NULL,
    created_at       VARCHAR(40)   NOT NULL,
    updated_at       VARCHAR(40)   NOT NULL,
    UNIQUE (uid, recurrence_id)
);
CREATE INDEX interview_contact ON interview (contact_email);

CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER      NOT NULL REFERENCES interview (id),
    action        VARCHAR(32)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    destination   VARCHAR(16),
    token         VARCHAR(64),
    message_id    VARCHAR(200),
    uid           BIGINT       NOT NULL DEFAULT -1,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT,
    created_at    VARCHAR(40)  NOT NULL,
    updated_at    VARCHAR(40)  NOT NULL,
    UNIQUE (interview_id, action),
    UNIQUE (token)
);

CREATE TABLE note_item (
    interview_id  INTEGER      NOT NULL REFERENCES interview (id),
    kind          VARCHAR(16)  NOT NULL,
    position      INTEGER      NOT NULL,
    text          TEXT         NOT NULL,
    PRIMARY KEY (interview_id, kind, position)
);

CREATE TABLE notes_source (
    interview_id      INTEGER PRIMARY KEY REFERENCES interview (id),
    source_message_id VARCHAR(1000) NOT NULL,
    received_at       VARCHAR(40)   NOT NULL
);

-- Names given in a debrief (M5): each becomes a contact with its referrer.
CREATE TABLE referral (
    id              INTEGER PRIMARY KEY,
    interview_id    INTEGER       NOT NULL REFERENCES interview (id),
    referrer_email  VARCHAR(320)  NOT NULL,
    referrer_name   TEXT          NOT NULL,
    name            TEXT          NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    may_contact     BOOLEAN       NOT NULL,
    may_mention     BOOLEAN       NOT NULL,
    position        INTEGER       NOT NULL
);
CREATE INDEX referral_email ON referral (email);
CREATE INDEX referral_referrer ON referral (referrer_email);

-- What the mailbox says about people: headers and a short excerpt, never whole bodies.
CREATE TABLE message (
    id            INTEGER PRIMARY KEY,
    folder        VARCHAR(200)  NOT NULL,
    uidvalidity   BIGINT        NOT NULL,
    uid           BIGINT        NOT NULL,
    message_id    VARCHAR(1000) NOT NULL,
    in_reply_to   VARCHAR(1000) NOT NULL,
    refs          TEXT          NOT NULL,
    sent_at       VARCHAR(40)   NOT NULL,
    from_email    VARCHAR(320)  NOT NULL,
    from_name     TEXT          NOT NULL,
    recipients    TEXT          NOT NULL,
    subject       TEXT          NOT NULL,
    excerpt       TEXT          NOT NULL,
    sample        TEXT          NOT NULL,
    UNIQUE (folder, uidvalidity, uid)
);
CREATE INDEX message_from ON message (from_email);
CREATE INDEX message_mid ON message (message_id);

CREATE TABLE message_party (
    message_row   INTEGER       NOT NULL REFERENCES message (id),
    email         VARCHAR(320)  NOT NULL,
    PRIMARY KEY (message_row, email)
);
CREATE INDEX message_party_email ON message_party (email);

CREATE TABLE folder_cursor (
    folder          VARCHAR(200) PRIMARY KEY,
    uidvalidity     BIGINT       NOT NULL,
    last_uid        BIGINT       NOT NULL,
    highest_modseq  BIGINT       NOT NULL DEFAULT 0,
    updated_at      VARCHAR(40)  NOT NULL
);

CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    source      VARCHAR(200)  NOT NULL,
    item        VARCHAR(1000) NOT NULL,
    reason      TEXT          NOT NULL,
    created_at  VARCHAR(40)   NOT NULL,
    UNIQUE (source, item)
);

CREATE TABLE journal (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER      NOT NULL,
    at            VARCHAR(40)  NOT NULL,
    event         VARCHAR(64)  NOT NULL,
    detail        TEXT         NOT NULL
);
CREATE INDEX journal_interview ON journal (interview_id);
