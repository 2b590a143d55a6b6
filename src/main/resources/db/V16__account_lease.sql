-- Which node of a cluster follows which mailbox account (docs/scale.md): one row per account, held
-- by one node until expires_at (milliseconds since 1970, UTC), renewed by its holder while it
-- runs, taken over by another node once it has expired. A lone rebond holds its own.
CREATE TABLE account_lease (
    account      VARCHAR(400) PRIMARY KEY,
    holder       VARCHAR(200) NOT NULL,
    expires_at   BIGINT       NOT NULL,
    taken_at     VARCHAR(40)  NOT NULL
);
