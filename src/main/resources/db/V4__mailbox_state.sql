-- How the mailbox connection stands, as the running daemon last saw it (for status and doctor).
CREATE TABLE mailbox_state (
    account          VARCHAR(400)  PRIMARY KEY,
    state            VARCHAR(32)   NOT NULL,
    problem          TEXT          NOT NULL,
    problem_since    VARCHAR(40),
    next_attempt_at  VARCHAR(40),
    failures         INTEGER       NOT NULL DEFAULT 0,
    updated_at       VARCHAR(40)   NOT NULL
);
