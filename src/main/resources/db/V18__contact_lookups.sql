-- Interviews and debrief names are looked up by address whatever its case (lower(x) = lower(?)),
-- which no index on the column itself serves: each lookup read the whole table. Planning every
-- interview of a mailbox with two thousand of them looked up each one's contact and referrer, two
-- thousand times over. These indexes are on the lower-case address, as the lookups ask.
CREATE INDEX interview_contact_lower ON interview (lower(contact_email));
CREATE INDEX interview_referrer_lower ON interview (lower(referrer_email));
CREATE INDEX referral_email_lower ON referral (lower(email));
CREATE INDEX news_told_contact_lower ON news_told (lower(contact));
