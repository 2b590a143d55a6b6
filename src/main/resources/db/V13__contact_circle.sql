-- The circle each contact came from (METHOD M6), as the user set it with `rebond contact ID --circle NAME`.
-- One row per contact: the address in lower case, or for a name given without an address, the full
-- name in lower case. A contact without a row inherits the circle of whoever referred them; that is
-- worked out when the network is read, never stored.
CREATE TABLE contact_circle (
    contact       VARCHAR(320)  PRIMARY KEY,
    circle        TEXT          NOT NULL,
    set_at        VARCHAR(40)   NOT NULL
);
