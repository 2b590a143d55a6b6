-- The first two of the three permissions asked for each name (M5: may I note it, may I contact
-- them, may I say you suggested it) and whether the contact offered to introduce the user
-- (an introduction, kept apart from a suggestion). Next steps are note items of kind 'next'.
ALTER TABLE referral ADD COLUMN may_note BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE referral ADD COLUMN introduces BOOLEAN NOT NULL DEFAULT FALSE;
